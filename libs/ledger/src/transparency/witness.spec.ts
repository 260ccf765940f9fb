import { createHash } from 'node:crypto';
import { MemoryTree } from './merkle';
import {
  formatCheckpoint,
  generateNoteSigner,
  signNote,
  toBase64,
  verifyNote,
  type NotePublicKey,
  type NoteSigner,
} from './signed-note';
import { witnessCheckpoint, type WitnessDecision, type WitnessInput, type WitnessState } from './witness';

const ORIGIN = 'casework.example/ledger';
const logSigner = generateNoteSigner(ORIGIN);
const witnessSigner = generateNoteSigner('inspector.example/w1', 'cosignature/v1');
const publicOf = (s: NoteSigner): NotePublicKey => ({ name: s.name, kind: s.kind, publicKey: s.publicKey });
const log = { origin: ORIGIN, key: publicOf(logSigner) };

const eventHash = (label: string) => createHash('sha256').update(label).digest();

function treeOf(labels: string[]): MemoryTree {
  const tree = new MemoryTree();
  for (const label of labels) tree.appendEventHash(eventHash(label));
  return tree;
}

const honestLabels = Array.from({ length: 120 }, (_, i) => `event ${i}`);
const honest = treeOf(honestLabels);

function checkpointOf(tree: MemoryTree, size: number, signer: NoteSigner = logSigner, origin = ORIGIN): string {
  return signNote(formatCheckpoint({ origin, size, rootHash: tree.root(size) }), signer);
}

function stateAt(tree: MemoryTree, size: number): WitnessState {
  return { origin: ORIGIN, size, rootHash: toBase64(tree.root(size)) };
}

function decide(overrides: Partial<WitnessInput>): WitnessDecision {
  return witnessCheckpoint({
    state: stateAt(honest, 60),
    checkpoint: checkpointOf(honest, 100),
    proof: honest.consistencyProof(60, 100),
    log,
    witness: witnessSigner,
    now: 1_700_000_000,
    ...overrides,
  });
}

function refusalOf(decision: WitnessDecision): string {
  if (decision.ok) throw new Error('expected a refusal, the witness cosigned');
  expect(decision.state).toEqual(stateAt(honest, 60));
  return decision.kind;
}

describe('a witness cosigns', () => {
  it('a checkpoint that extends what it witnessed, and moves its state', () => {
    const decision = decide({});
    if (!decision.ok) throw new Error(decision.messageEn);
    expect(decision.state).toEqual(stateAt(honest, 100));
    expect(decision.checkpoint.size).toBe(100);
    const verification = verifyNote(decision.cosigned, [log.key, publicOf(witnessSigner)]);
    expect(verification.ok).toBe(true);
    expect(verification.verified.map((v) => [v.name, v.timestamp])).toEqual([
      [ORIGIN, undefined],
      ['inspector.example/w1', 1_700_000_000],
    ]);
    expect(decision.cosigned.endsWith(`${decision.cosignature}\n`)).toBe(true);
  });

  it('the first checkpoint it sees, with an empty proof', () => {
    const decision = decide({ state: null, proof: [] });
    expect(decision.ok && decision.state).toEqual(stateAt(honest, 100));
  });

  it('the same checkpoint again (same size, same root)', () => {
    const decision = decide({ checkpoint: checkpointOf(honest, 60), proof: [] });
    expect(decision.ok && decision.state).toEqual(stateAt(honest, 60));
  });

  it('a checkpoint that already carries other cosignatures', () => {
    const other = generateNoteSigner('other.example/w2', 'cosignature/v1');
    const first = decide({ witness: other });
    if (!first.ok) throw new Error(first.messageEn);
    const decision = decide({ checkpoint: first.cosigned });
    expect(decision.ok).toBe(true);
  });
});

describe('a witness refuses', () => {
  it('a rollback to a smaller size', () => {
    expect(refusalOf(decide({ checkpoint: checkpointOf(honest, 59), proof: [] }))).toBe('rollback');
  });

  it('a fork at the same size', () => {
    const forked = treeOf(honestLabels.map((l, i) => (i === 10 ? 'forged' : l)));
    const decision = decide({ checkpoint: checkpointOf(forked, 60), proof: [] });
    expect(refusalOf(decision)).toBe('fork');
    expect(!decision.ok && decision.httpStatus).toBe(409);
  });

  it('a proof that does not lead from its root to the new one', () => {
    const proof = honest.consistencyProof(60, 100).map((p, i) => (i === 1 ? eventHash('x') : p));
    expect(refusalOf(decide({ proof }))).toBe('inconsistent');
    expect(refusalOf(decide({ proof: honest.consistencyProof(61, 100) }))).toBe('inconsistent');
    expect(refusalOf(decide({ proof: [] }))).toBe('inconsistent');
  });

  it('the superuser who rewrote a tail with recomputed hashes and re-signed with the stolen log key', () => {
    // The witness cosigned size 60. Events 50.. are rewritten (a forged approval among them),
    // every hash recomputed, the log grown to 120 and signed with the real log key.
    const rewritten = treeOf(honestLabels.map((l, i) => (i >= 50 ? `rewritten ${i}` : l)));
    const stolenKeyCheckpoint = checkpointOf(rewritten, 120, logSigner);
    expect(verifyNote(stolenKeyCheckpoint, [log.key]).ok).toBe(true);
    // The rewritten log's own proof from 60 leads from its own root at 60, not the witnessed one,
    expect(refusalOf(decide({ checkpoint: stolenKeyCheckpoint, proof: rewritten.consistencyProof(60, 120) }))).toBe(
      'inconsistent',
    );
    // and the honest log's proof does not lead to the rewritten root.
    expect(refusalOf(decide({ checkpoint: stolenKeyCheckpoint, proof: honest.consistencyProof(60, 120) }))).toBe(
      'inconsistent',
    );
    // Rewriting only events the witness has not seen yet is not a fork: it is the log's history.
    const rewrittenAfter = treeOf(honestLabels.map((l, i) => (i >= 60 ? `rewritten ${i}` : l)));
    const unseen = decide({
      checkpoint: checkpointOf(rewrittenAfter, 120),
      proof: rewrittenAfter.consistencyProof(60, 120),
    });
    expect(unseen.ok).toBe(true);
  });

  it('a checkpoint signed by another key under the log name', () => {
    const impostor = generateNoteSigner(ORIGIN);
    const decision = decide({ checkpoint: checkpointOf(honest, 100, impostor) });
    expect(refusalOf(decision)).toBe('bad_signature');
    expect(!decision.ok && decision.httpStatus).toBe(403);
  });

  it('a checkpoint whose log signature does not verify', () => {
    const good = checkpointOf(honest, 100);
    const tampered = good.replace('\n100\n', '\n101\n');
    expect(refusalOf(decide({ checkpoint: tampered }))).toBe('bad_signature');
  });

  it('a checkpoint of another log', () => {
    const decision = decide({ checkpoint: checkpointOf(honest, 100, logSigner, 'elsewhere.example/log') });
    expect(refusalOf(decision)).toBe('unknown_origin');
  });

  it('text that is not a signed checkpoint', () => {
    expect(refusalOf(decide({ checkpoint: 'hello\n' }))).toBe('malformed');
    const body = `${ORIGIN}\n100\nnot-base64\n`;
    expect(refusalOf(decide({ checkpoint: signNote(body, logSigner) }))).toBe('malformed');
  });

  it('a first checkpoint with a non-empty proof', () => {
    const decision = decide({ state: null });
    expect(!decision.ok && decision.kind).toBe('inconsistent');
  });
});
