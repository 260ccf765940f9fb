import { createHash } from 'node:crypto';
import { MemoryTree, verifyConsistency, verifyInclusion } from '../../libs/ledger/src/transparency';

/**
 * Proof cost on a 1,000,000-event log (issue 8, item 4: at most 20 ms each). Builds the stored
 * nodes of the tree once, as a store does on append, then times inclusion and consistency
 * proofs at pseudo-random positions and prints the medians. Each proof is verified (outside the
 * timing) so a fast wrong answer cannot pass. Run with
 * `npm run build --silent && node dist/tests/bench/proofs.bench.js`; BENCH_LEAVES changes the size.
 */

const LEAVES = Number(process.env.BENCH_LEAVES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2_000);

/** A fixed-seed generator, so runs pick the same positions. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  const lower = sorted.length % 2 === 1 ? upper : sorted[mid - 1];
  if (upper === undefined || lower === undefined) throw new Error('median of no values');
  return (lower + upper) / 2;
}

function main(): void {
  const started = process.hrtime.bigint();
  const tree = new MemoryTree();
  /** Every 997th leaf, kept to verify inclusion proofs against. */
  const leaves = new Map<number, Uint8Array>();
  for (let i = 0; i < LEAVES; i++) {
    const eventHash = createHash('sha256').update(`event ${i}`).digest();
    const index = tree.appendEventHash(eventHash);
    if (index % 997 === 0) leaves.set(index, tree.node(0, index).slice());
  }
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(`built ${LEAVES} leaves in ${buildSeconds.toFixed(1)} s\n`);

  const next = random(42);
  const size = tree.size;
  const root = tree.root(size);

  const inclusion: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const index = Math.floor(next() * (size / 997)) * 997;
    const t0 = process.hrtime.bigint();
    const proof = tree.inclusionProof(index, size);
    inclusion.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const leaf = leaves.get(index);
    if (!leaf) throw new Error(`leaf ${index} was not kept`);
    if (!verifyInclusion(index, size, leaf, proof, root)) throw new Error(`inclusion proof of ${index} is wrong`);
  }

  const consistency: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const from = 1 + Math.floor(next() * (size - 1));
    const t0 = process.hrtime.bigint();
    const proof = tree.consistencyProof(from, size);
    consistency.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (run % 20 === 0 && !verifyConsistency(from, size, tree.root(from), root, proof)) {
      throw new Error(`consistency proof from ${from} is wrong`);
    }
  }

  const format = (ms: number) => ms.toFixed(3);
  process.stdout.write(
    `proof_inclusion_ms=${format(median(inclusion))} proof_consistency_ms=${format(median(consistency))}\n`,
  );
}

main();
