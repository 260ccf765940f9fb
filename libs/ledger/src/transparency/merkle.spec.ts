import { createHash } from 'node:crypto';
import {
  EMPTY_ROOT,
  MemoryTree,
  consistencyPlan,
  inclusionPlan,
  leafHash,
  leafHashOfHex,
  nodeHash,
  planNodes,
  rootFromInclusion,
  verifyConsistency,
  verifyInclusion,
} from './merkle';
import { nth } from '../../../../tests/support/defined';

// The RFC 9162 §2.1 definitions written as literally as possible, over slices of all the leaves:
// the reference the stored-node implementation is compared with. MTH is memoised by range only
// to keep 70×70 comparisons quick; it still hashes from the leaves up.
const mthMemo = new Map<string, Uint8Array>();
function naiveMth(leaves: Uint8Array[], from = 0): Uint8Array {
  const key = `${from}:${leaves.length}`;
  const known = mthMemo.get(key);
  if (known) return known;
  let result: Uint8Array;
  if (leaves.length === 0) result = createHash('sha256').digest();
  else if (leaves.length === 1) result = nth(leaves, 0);
  else {
    const k = largestPowerOfTwoBelow(leaves.length);
    result = nodeHash(naiveMth(leaves.slice(0, k), from), naiveMth(leaves.slice(k), from + k));
  }
  mthMemo.set(key, result);
  return result;
}

function naivePath(m: number, leaves: Uint8Array[], from = 0): Uint8Array[] {
  if (leaves.length === 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return m < k
    ? [...naivePath(m, leaves.slice(0, k), from), naiveMth(leaves.slice(k), from + k)]
    : [...naivePath(m - k, leaves.slice(k), from + k), naiveMth(leaves.slice(0, k), from)];
}

function naiveSubproof(m: number, leaves: Uint8Array[], b: boolean, from = 0): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return b ? [] : [naiveMth(leaves, from)];
  const k = largestPowerOfTwoBelow(n);
  return m <= k
    ? [...naiveSubproof(m, leaves.slice(0, k), b, from), naiveMth(leaves.slice(k), from + k)]
    : [...naiveSubproof(m - k, leaves.slice(k), false, from + k), naiveMth(leaves.slice(0, k), from)];
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function eventHash(i: number): Uint8Array {
  return createHash('sha256').update(`event ${i}`).digest();
}

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[at % copy.length] = (copy[at % copy.length] ?? 0) ^ 0x01;
  return copy;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const hexes = (bs: Uint8Array[]): string[] => bs.map(hex);

const MAX = 70;
const leaves = Array.from({ length: MAX }, (_, i) => leafHash(eventHash(i)));
const tree = new MemoryTree();
for (const leaf of leaves) tree.appendLeaf(leaf);

describe('RFC 9162 hashing', () => {
  it('prefixes leaves with 0x00 and nodes with 0x01', () => {
    const e = eventHash(1);
    expect(hex(leafHash(e))).toBe(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([0]), e]))
        .digest('hex'),
    );
    const [a, b] = [eventHash(2), eventHash(3)];
    expect(hex(nodeHash(a, b))).toBe(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([1]), a, b]))
        .digest('hex'),
    );
  });

  it('hashes the raw 32 bytes of a hex event hash', () => {
    expect(hex(leafHashOfHex(hex(eventHash(5))))).toBe(hex(leafHash(eventHash(5))));
    expect(() => leafHashOfHex('ABC')).toThrow(TypeError);
  });

  it('gives the empty tree the hash of nothing', () => {
    expect(hex(new MemoryTree().root())).toBe(hex(EMPTY_ROOT));
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('the stored-node tree against the naive definitions', () => {
  it('has the naive MTH as its root at every size 1..70', () => {
    for (let n = 1; n <= MAX; n++) expect(hex(tree.root(n))).toBe(hex(naiveMth(leaves.slice(0, n))));
  });

  it('builds PATH(m, D[n]) for every leaf of every size, and each verifies', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      const root = naiveMth(leaves.slice(0, n));
      for (let m = 0; m < n; m++) {
        const proof = tree.inclusionProof(m, n);
        if (hexes(proof).join() !== hexes(naivePath(m, leaves.slice(0, n))).join()) wrong.push(`PATH(${m}, ${n})`);
        if (!verifyInclusion(m, n, nth(leaves, m), proof, root)) wrong.push(`verify ${m} in ${n}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('builds PROOF(m, D[n]) for every pair of sizes, and each verifies', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= MAX; n++) {
      const newRoot = naiveMth(leaves.slice(0, n));
      for (let m = 0; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        const expected = m === 0 || m === n ? [] : naiveSubproof(m, leaves.slice(0, n), true);
        if (hexes(proof).join() !== hexes(expected).join()) wrong.push(`PROOF(${m}, ${n})`);
        if (!verifyConsistency(m, n, naiveMth(leaves.slice(0, m)), newRoot, proof)) wrong.push(`verify ${m} → ${n}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads O(log n) stored nodes per proof on a large tree', () => {
    const n = 1_000_003;
    for (const m of [0, 1, 524_287, 999_999, n - 1]) {
      expect(planNodes(inclusionPlan(m, n)).length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n)));
    }
    for (const m of [1, 3, 524_288, 777_777, n - 1]) {
      expect(planNodes(consistencyPlan(m, n)).length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n)));
    }
  });

  it('refuses proofs for sizes it does not have', () => {
    expect(() => tree.inclusionProof(70, 70)).toThrow(RangeError);
    expect(() => tree.inclusionProof(0, 71)).toThrow(RangeError);
    expect(() => tree.consistencyProof(5, 4)).toThrow(RangeError);
  });
});

describe('verifyInclusion refuses anything altered', () => {
  const n = 45;
  const root = tree.root(n);

  it('fails when any byte of any proof element is flipped', () => {
    for (const m of [0, 13, 31, 32, 44]) {
      const proof = tree.inclusionProof(m, n);
      proof.forEach((_element, i) => {
        for (let at = 0; at < 32; at += 7) {
          const bad = proof.map((p, j) => (j === i ? flipped(p, at) : p));
          expect(verifyInclusion(m, n, nth(leaves, m), bad, root)).toBe(false);
        }
      });
    }
  });

  it('fails for another leaf, another index, another size, another root, a short or long proof', () => {
    const proof = tree.inclusionProof(13, n);
    expect(verifyInclusion(13, n, nth(leaves, 14), proof, root)).toBe(false);
    expect(verifyInclusion(12, n, nth(leaves, 13), proof, root)).toBe(false);
    // The size is bound by the signed checkpoint, not by the proof: only a size whose path has
    // another shape changes the outcome here.
    expect(verifyInclusion(13, 16, nth(leaves, 13), proof, root)).toBe(false);
    expect(verifyInclusion(13, n, nth(leaves, 13), proof, flipped(root, 3))).toBe(false);
    expect(verifyInclusion(13, n, flipped(nth(leaves, 13), 0), proof, root)).toBe(false);
    expect(verifyInclusion(13, n, nth(leaves, 13), proof.slice(1), root)).toBe(false);
    expect(verifyInclusion(13, n, nth(leaves, 13), [...proof, nth(leaves, 0)], root)).toBe(false);
    expect(verifyInclusion(n, n, nth(leaves, 13), proof, root)).toBe(false);
    expect(rootFromInclusion(-1, n, nth(leaves, 0), proof)).toBeNull();
  });
});

describe('verifyConsistency refuses anything altered', () => {
  const pairs: Array<[number, number]> = [
    [1, 2],
    [3, 7],
    [4, 8],
    [6, 70],
    [32, 33],
    [33, 64],
    [50, 69],
  ];

  it('fails when any byte of any proof element is flipped', () => {
    for (const [m, n] of pairs) {
      const proof = tree.consistencyProof(m, n);
      const [oldRoot, newRoot] = [tree.root(m), tree.root(n)];
      proof.forEach((_element, i) => {
        for (let at = 0; at < 32; at += 5) {
          const bad = proof.map((p, j) => (j === i ? flipped(p, at) : p));
          expect(verifyConsistency(m, n, oldRoot, newRoot, bad)).toBe(false);
        }
      });
    }
  });

  it('fails for a flipped old or new root, other sizes, a truncated or padded proof', () => {
    for (const [m, n] of pairs) {
      const proof = tree.consistencyProof(m, n);
      const [oldRoot, newRoot] = [tree.root(m), tree.root(n)];
      expect(verifyConsistency(m, n, flipped(oldRoot, 9), newRoot, proof)).toBe(false);
      expect(verifyConsistency(m, n, oldRoot, flipped(newRoot, 30), proof)).toBe(false);
      expect(verifyConsistency(m + 1, n, oldRoot, newRoot, proof)).toBe(false);
      expect(verifyConsistency(m, n, newRoot, newRoot, proof)).toBe(false);
      expect(verifyConsistency(m, n, oldRoot, newRoot, proof.slice(0, -1))).toBe(false);
      expect(verifyConsistency(m, n, oldRoot, newRoot, [...proof, nth(leaves, 0)])).toBe(false);
    }
  });

  it('holds equal sizes to equal roots with no proof, and refuses shrinking', () => {
    expect(verifyConsistency(9, 9, tree.root(9), tree.root(9), [])).toBe(true);
    expect(verifyConsistency(9, 9, tree.root(9), flipped(tree.root(9), 0), [])).toBe(false);
    expect(verifyConsistency(9, 9, tree.root(9), tree.root(9), [nth(leaves, 0)])).toBe(false);
    expect(verifyConsistency(10, 9, tree.root(10), tree.root(9), tree.consistencyProof(9, 10))).toBe(false);
    expect(verifyConsistency(0, 9, EMPTY_ROOT, tree.root(9), [nth(leaves, 0)])).toBe(false);
  });

  it('catches a tree whose past was rewritten, even with every hash recomputed', () => {
    const forked = new MemoryTree();
    leaves.slice(0, 40).forEach((leaf, i) => forked.appendLeaf(i === 37 ? leafHash(eventHash(1000)) : leaf));
    // The rewritten log can prove its own consistency, never consistency with the honest size-38 root.
    const proof = forked.consistencyProof(38, 40);
    expect(verifyConsistency(38, 40, forked.root(38), forked.root(40), proof)).toBe(true);
    expect(verifyConsistency(38, 40, tree.root(38), forked.root(40), proof)).toBe(false);
  });
});
