import { sha256Hex } from './canonical';

/**
 * The seal of an events row (PostgreSQL, migration event-store-005): sha-256 hex over the chain
 * hash (which covers the content and the predecessor) and every column the content hash does not
 * cover, so a change to any single column of a row shows. It has no key: against someone who
 * recomputes it, the signature and the signed checkpoints stand.
 */
export interface RowSealFields {
  hash: string;
  txId: string;
  globalSeq: string;
  /** ISO-8601 UTC with milliseconds, as the append function formats it. */
  recordedAt: string;
  schemaVersion: number;
  commandId: string | null;
  keyId: string | null;
  signature: string | null;
}

export function rowSeal(f: RowSealFields): string {
  return sha256Hex(
    [
      f.hash,
      f.txId,
      f.globalSeq,
      f.recordedAt,
      String(f.schemaVersion),
      f.commandId ?? '',
      f.keyId ?? '',
      f.signature ?? '',
    ].join('|'),
  );
}
