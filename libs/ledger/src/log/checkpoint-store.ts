import type { Pool, PoolClient } from 'pg';
import { hashesEqual } from '../transparency/merkle';
import {
  NoteFormatError,
  addSignatures,
  formatCheckpoint,
  keyIdHex,
  parseSignatureLine,
  signNote,
  verifyNote,
  type NotePublicKey,
  type NoteSigner,
} from '../transparency/signed-note';
import { quoteName, storedRoot, storedTreeSize, treeTables } from './tree-store';

/**
 * Signed checkpoints of the tree (C2SP tlog-checkpoint) and witnesses' cosignatures, stored
 * append-only in ledger_checkpoints and ledger_cosignatures.
 */

type Db = Pool | PoolClient;

export interface StoredCheckpoint {
  size: number;
  root: Uint8Array;
  /** The note as the log signed it. */
  note: string;
  createdAt: Date;
  cosignatures: Array<{ witness: string; keyId: string; line: string; signedAt: Date }>;
}

const table = (schema: string, name: string) => `${quoteName(schema)}.${quoteName(name)}`;

async function withCosignatures(
  db: Db,
  schema: string,
  row: { size: string; root: Buffer; note: string; created_at: Date } | undefined,
): Promise<StoredCheckpoint | null> {
  if (!row) return null;
  const { rows } = await db.query<{ witness: string; key_id: string; line: string; signed_at: Date }>(
    `select witness, key_id, line, signed_at from ${table(schema, 'ledger_cosignatures')} where size = $1 order by id`,
    [row.size],
  );
  return {
    size: Number(row.size),
    root: new Uint8Array(row.root),
    note: row.note,
    createdAt: row.created_at,
    cosignatures: rows.map((r) => ({ witness: r.witness, keyId: r.key_id, line: r.line, signedAt: r.signed_at })),
  };
}

export async function latestCheckpoint(db: Db, schema: string): Promise<StoredCheckpoint | null> {
  const { rows } = await db.query<{ size: string; root: Buffer; note: string; created_at: Date }>(
    `select size::text as size, root, note, created_at from ${table(schema, 'ledger_checkpoints')} order by size desc limit 1`,
  );
  return withCosignatures(db, schema, rows[0]);
}

export async function checkpointAt(db: Db, schema: string, size: number): Promise<StoredCheckpoint | null> {
  const { rows } = await db.query<{ size: string; root: Buffer; note: string; created_at: Date }>(
    `select size::text as size, root, note, created_at from ${table(schema, 'ledger_checkpoints')} where size = $1`,
    [size],
  );
  return withCosignatures(db, schema, rows[0]);
}

/** The note with every stored cosignature appended: what GET /api/ledger/checkpoint serves. */
export function cosignedNote(checkpoint: StoredCheckpoint): string {
  return checkpoint.cosignatures.length === 0
    ? checkpoint.note
    : addSignatures(
        checkpoint.note,
        checkpoint.cosignatures.map((c) => c.line),
      );
}

/**
 * Signs and stores a checkpoint of the tree as it is stored now, unless it has not grown since the
 * latest checkpoint (then that one is returned) or is empty (null).
 */
export async function makeCheckpoint(
  pool: Pool,
  schema: string,
  signer: NoteSigner,
  now: Date,
): Promise<{ checkpoint: StoredCheckpoint; created: boolean } | null> {
  const tables = treeTables(schema);
  const size = await storedTreeSize(pool, tables);
  const latest = await latestCheckpoint(pool, schema);
  if (size === 0) return null;
  if (latest && latest.size >= size) return { checkpoint: latest, created: false };
  const root = await storedRoot(pool, tables, size);
  const note = signNote(formatCheckpoint({ origin: signer.name, size, rootHash: root }), signer);
  const inserted = await pool.query(
    `insert into ${table(schema, 'ledger_checkpoints')} (size, root, note, created_at) values ($1, $2, $3, $4)
     on conflict (size) do nothing`,
    [size, Buffer.from(root), note, now],
  );
  const stored = await checkpointAt(pool, schema, size);
  if (!stored) throw new Error(`checkpoint at size ${size} vanished`);
  if (!hashesEqual(stored.root, root)) {
    throw new Error(`a checkpoint at size ${size} with another root is already stored: the tree was rewritten`);
  }
  return { checkpoint: stored, created: (inserted.rowCount ?? 0) > 0 };
}

export class CosignatureRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CosignatureRefused';
  }
}

/**
 * Stores a witness's cosignature line for the checkpoint at `size`, only if it verifies against
 * one of the configured witness keys (kind cosignature/v1). Idempotent per witness and size.
 */
export async function addCosignature(
  db: Db,
  schema: string,
  size: number,
  line: string,
  witnesses: readonly NotePublicKey[],
): Promise<{ witness: string; keyId: string; timestamp: number }> {
  const checkpoint = await checkpointAt(db, schema, size);
  if (!checkpoint) throw new CosignatureRefused('size', `没有大小为 ${size} 的检查点`);
  let signature;
  try {
    signature = parseSignatureLine(line);
  } catch (e) {
    if (e instanceof NoteFormatError) throw new CosignatureRefused('cosignature', `副署格式不正确：${e.message}`);
    throw e;
  }
  const witness = witnesses.find((w) => w.name === signature.name);
  if (!witness) throw new CosignatureRefused('cosignature', `${signature.name} 不是已配置的见证人`);
  const result = verifyNote(addSignatures(checkpoint.note, [line]), [witness]);
  const verified = result.verified.find((v) => v.name === witness.name && v.kind === 'cosignature/v1');
  if (!verified || result.failed.length > 0 || verified.timestamp === undefined) {
    throw new CosignatureRefused('cosignature', `见证人 ${witness.name} 的副署不能用其公钥验证`);
  }
  await db.query(
    `insert into ${table(schema, 'ledger_cosignatures')} (size, witness, key_id, line, signed_at)
     values ($1, $2, $3, $4, to_timestamp($5)) on conflict (size, witness) do nothing`,
    [size, witness.name, keyIdHex(witness), line, verified.timestamp],
  );
  return { witness: witness.name, keyId: keyIdHex(witness), timestamp: verified.timestamp };
}
