import { ZERO_HASH, chainHash, contentHash, recordedEventContent } from '@casework/event-store';
import { buildEvidenceBundle, type EvidenceBundle, type StoredEventForEvidence } from '../evidence-bundle';
import { MemoryTree } from '../merkle';
import {
  addSignatures,
  cosign,
  formatCheckpoint,
  generateNoteSigner,
  parseNote,
  signNote,
  type NotePublicKey,
  type NoteSigner,
} from '../signed-note';

/**
 * A small log for evidence tests: events of a case stream interleaved with other streams'
 * events in one global order, hashed as the store hashes them, the Merkle tree over all of them,
 * a checkpoint signed by a generated log key and cosigned by a generated witness.
 */
export interface EvidenceFixture {
  bundle: EvidenceBundle;
  log: NoteSigner;
  witness: NoteSigner;
  tree: MemoryTree;
  publicKey(signer: NoteSigner): NotePublicKey;
}

export const FIXTURE_CASE_ID = 'c-0001';

export function evidenceFixture(
  options: { otherEvents?: number; caseEvents?: number; time?: number } = {},
): EvidenceFixture {
  const log = generateNoteSigner('casework.example/ledger');
  const witness = generateNoteSigner('inspector.example/w1', 'cosignature/v1');
  const tree = new MemoryTree();
  const heads = new Map<string, { version: number; hash: string }>();
  const caseEvents: StoredEventForEvidence[] = [];
  const caseStream = `case-${FIXTURE_CASE_ID}`;
  const total = (options.caseEvents ?? 4) + (options.otherEvents ?? 9);
  const types = ['CaseOpened', 'CaseSubmitted', 'CaseApproved', 'PayoutDisbursed'];

  for (let i = 0; i < total; i++) {
    const isCase = i % 3 === 1 && caseEvents.length < (options.caseEvents ?? 4);
    const streamId = isCase ? caseStream : `household-h${i % 4}`;
    const head = heads.get(streamId) ?? { version: 0, hash: ZERO_HASH };
    const version = head.version + 1;
    const type = isCase ? (types[caseEvents.length % types.length] ?? 'CaseOpened') : 'HouseholdRegistered';
    const data = {
      amountFen: 50_000 + i,
      note: `事件 ${i}`,
      applicant: { name: '张三', idNumber: '110101199003077777' },
    };
    const metadata = {
      schemaVersion: 1,
      recordedAt: `2020-11-2${i % 10}T08:00:00.000Z`,
      actor: { userId: 'u1', role: 'approver' },
    };
    const content = recordedEventContent({ streamId, version, type, data, metadata });
    const ch = contentHash(content);
    const hash = chainHash(head.hash, ch);
    heads.set(streamId, { version, hash });
    const leafIndex = tree.appendEventHash(Buffer.from(hash, 'hex'));
    if (isCase) {
      caseEvents.push({
        leafIndex,
        streamId,
        version,
        type,
        data,
        metadata,
        contentHash: ch,
        prevHash: head.hash,
        hash,
      });
    }
  }

  const body = formatCheckpoint({ origin: log.name, size: tree.size, rootHash: tree.root() });
  const signed = signNote(body, log);
  const checkpoint = addSignatures(signed, [cosign(parseNote(signed).body, witness, options.time ?? 1_700_000_000)]);
  const publicKey = (s: NoteSigner): NotePublicKey => ({ name: s.name, kind: s.kind, publicKey: s.publicKey });
  const bundle = buildEvidenceBundle({
    caseId: FIXTURE_CASE_ID,
    events: caseEvents,
    checkpoint,
    nodes: tree.node,
    logKey: publicKey(log),
    witnessKeys: [publicKey(witness)],
  });
  return { bundle, log, witness, tree, publicKey };
}
