import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The Merkle tree over the global order of events, hashed as RFC 9162 §2.1 defines it:
 *
 * - leaf  = SHA-256(0x00 ‖ event hash), the event hash being the 32 raw bytes of its hex `hash`;
 * - node  = SHA-256(0x01 ‖ left ‖ right);
 * - MTH(D[n]) splits at the largest power of two k < n: node(MTH(D[0:k]), MTH(D[k:n])).
 *
 * Proofs are built from stored complete subtrees, never by rehashing leaves: a complete subtree
 * is addressed by (level, index) and covers leaves [index·2^level, (index+1)·2^level). Every
 * range the RFC's PATH and SUBPROOF need is either such a subtree or the right edge of the tree,
 * which folds from at most log2(n) of them. So a proof first becomes a *plan* (for each proof
 * element, the complete subtrees that fold into it), a store fetches the plan's nodes in one
 * query, and `resolvePlan` folds them: O(log n) lookups for a tree of any size.
 */

export const HASH_SIZE = 32;

/** Address of a complete subtree: `level` 0 is a leaf, `index` counts subtrees of that level from the left. */
export interface NodeId {
  level: number;
  index: number;
}

/**
 * The hash of a complete subtree, as stored (a table `(level, index) → hash`, or tiles). It must
 * answer for every complete subtree of the tree it serves; it throws when asked for one it lacks.
 */
export type NodeSource = (level: number, index: number) => Uint8Array;

/** For each proof element in order, the complete subtrees (largest, leftmost first) that fold into it. */
export type ProofPlan = NodeId[][];

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function leafHash(eventHash: Uint8Array): Uint8Array {
  return createHash('sha256').update(LEAF_PREFIX).update(eventHash).digest();
}

/** The leaf of an event whose `hash` is stored as 64 hex digits (libs/ledger/src/canonical.ts). */
export function leafHashOfHex(eventHashHex: string): Uint8Array {
  if (!/^[0-9a-f]{64}$/.test(eventHashHex))
    throw new TypeError('leafHashOfHex: an event hash is 64 lowercase hex digits');
  return leafHash(Buffer.from(eventHashHex, 'hex'));
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** SHA-256 of nothing: RFC 9162's MTH of the empty tree. */
export const EMPTY_ROOT: Uint8Array = createHash('sha256').digest();

export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function checkSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
}

/**
 * The complete subtrees that make up leaves [start, end), largest first. `start` must be aligned
 * to a power of two at least as large as end - start, which every range of PATH and SUBPROOF is.
 */
export function rangeNodes(start: number, end: number): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  let remaining = end - start;
  for (let level = Math.floor(Math.log2(Math.max(remaining, 1))); level >= 0 && remaining > 0; level--) {
    const width = 2 ** level;
    if (width <= remaining) {
      if (at % width !== 0) throw new RangeError(`rangeNodes: [${start}, ${end}) is not aligned`);
      nodes.push({ level, index: at / width });
      at += width;
      remaining -= width;
    }
  }
  return nodes;
}

/** MTH of the range the subtrees cover: the right-most pair first, as MTH splits. */
export function foldNodes(hashes: Uint8Array[]): Uint8Array {
  const [last, ...rest] = [...hashes].reverse();
  if (!last) return EMPTY_ROOT;
  return rest.reduce((acc, left) => nodeHash(left, acc), last);
}

export function rootPlan(treeSize: number): NodeId[] {
  checkSize('treeSize', treeSize);
  return rangeNodes(0, treeSize);
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]), as a plan. */
export function inclusionPlan(leafIndex: number, treeSize: number): ProofPlan {
  checkSize('leafIndex', leafIndex);
  checkSize('treeSize', treeSize);
  if (leafIndex >= treeSize) throw new RangeError(`leaf ${leafIndex} is not in a tree of size ${treeSize}`);
  const plan: ProofPlan = [];
  let start = 0;
  let end = treeSize;
  // Descend from the root; each step's sibling is the next proof element, nearest the root last.
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (leafIndex < start + k) {
      plan.push(rangeNodes(start + k, end));
      end = start + k;
    } else {
      plan.push(rangeNodes(start, start + k));
      start += k;
    }
  }
  return plan.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), as a plan. Empty when m is 0 or m = n. */
export function consistencyPlan(fromSize: number, toSize: number): ProofPlan {
  checkSize('fromSize', fromSize);
  checkSize('toSize', toSize);
  if (fromSize > toSize) throw new RangeError(`no consistency proof from size ${fromSize} to the smaller ${toSize}`);
  if (fromSize === 0 || fromSize === toSize) return [];
  const plan: ProofPlan = [];
  let m = fromSize;
  let start = 0;
  let end = toSize;
  let complete = true; // SUBPROOF's b: whether the subtree so far is the whole old tree's root.
  for (;;) {
    const n = end - start;
    if (m === n) {
      if (!complete) plan.push(rangeNodes(start, end));
      break;
    }
    const k = splitPoint(n);
    if (m <= k) {
      plan.push(rangeNodes(start + k, end));
      end = start + k;
    } else {
      plan.push(rangeNodes(start, start + k));
      start += k;
      m -= k;
      complete = false;
    }
  }
  return plan.reverse();
}

/** Every node a plan reads, each once: what a store fetches before `resolvePlan`. */
export function planNodes(plan: ProofPlan): NodeId[] {
  const seen = new Set<string>();
  const nodes: NodeId[] = [];
  for (const element of plan) {
    for (const node of element) {
      const key = `${node.level}:${node.index}`;
      if (!seen.has(key)) {
        seen.add(key);
        nodes.push(node);
      }
    }
  }
  return nodes;
}

export function resolvePlan(plan: ProofPlan, source: NodeSource): Uint8Array[] {
  return plan.map((element) => foldNodes(element.map((node) => source(node.level, node.index))));
}

export function treeRoot(treeSize: number, source: NodeSource): Uint8Array {
  return foldNodes(rootPlan(treeSize).map((node) => source(node.level, node.index)));
}

export function inclusionProof(leafIndex: number, treeSize: number, source: NodeSource): Uint8Array[] {
  return resolvePlan(inclusionPlan(leafIndex, treeSize), source);
}

export function consistencyProof(fromSize: number, toSize: number, source: NodeSource): Uint8Array[] {
  return resolvePlan(consistencyPlan(fromSize, toSize), source);
}

/**
 * The nodes a store keeps when leaf `leafIndex` is appended with hash `leaf`: the leaf itself
 * and each complete subtree it closes (its right-most leaf). `left` gives the stored left
 * sibling of a node being closed. This is the rule the PostgreSQL table follows on append.
 */
export function nodesCompletedBy(
  leafIndex: number,
  leaf: Uint8Array,
  left: NodeSource,
): Array<NodeId & { hash: Uint8Array }> {
  checkSize('leafIndex', leafIndex);
  const out: Array<NodeId & { hash: Uint8Array }> = [{ level: 0, index: leafIndex, hash: leaf }];
  let index = leafIndex;
  let hash = leaf;
  for (let level = 0; index % 2 === 1; level++) {
    hash = nodeHash(left(level, index - 1), hash);
    index = (index - 1) / 2;
    out.push({ level: level + 1, index, hash });
  }
  return out;
}

/**
 * An in-memory store of the complete subtrees, grown one leaf at a time: level l holds its
 * nodes back to back in one buffer (32 bytes each), so a million leaves take about 64 MB and
 * no object per node.
 */
export class MemoryTree {
  private levels: Uint8Array[] = [];
  private counts: number[] = [];
  private leaves = 0;

  get size(): number {
    return this.leaves;
  }

  /** Appends a leaf hash (already `leafHash`ed); returns its index. */
  appendLeaf(leaf: Uint8Array): number {
    if (leaf.length !== HASH_SIZE) throw new RangeError('a leaf hash is 32 bytes');
    const index = this.leaves;
    for (const node of nodesCompletedBy(index, leaf, this.node)) this.store(node.level, node.index, node.hash);
    this.leaves += 1;
    return index;
  }

  appendEventHash(eventHash: Uint8Array): number {
    return this.appendLeaf(leafHash(eventHash));
  }

  readonly node: NodeSource = (level, index) => {
    const buffer = this.levels[level];
    if (!buffer || index < 0 || index >= (this.counts[level] ?? 0)) {
      throw new RangeError(`no stored node at level ${level}, index ${index}`);
    }
    return buffer.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  };

  root(treeSize = this.leaves): Uint8Array {
    this.checkSize(treeSize);
    return treeRoot(treeSize, this.node);
  }

  inclusionProof(leafIndex: number, treeSize = this.leaves): Uint8Array[] {
    this.checkSize(treeSize);
    return inclusionProof(leafIndex, treeSize, this.node);
  }

  consistencyProof(fromSize: number, toSize = this.leaves): Uint8Array[] {
    this.checkSize(toSize);
    return consistencyProof(fromSize, toSize, this.node);
  }

  private checkSize(treeSize: number): void {
    if (treeSize > this.leaves) throw new RangeError(`the tree has ${this.leaves} leaves, not ${treeSize}`);
  }

  private store(level: number, index: number, hash: Uint8Array): void {
    while (this.levels.length <= level) {
      this.levels.push(new Uint8Array(HASH_SIZE * 16));
      this.counts.push(0);
    }
    let buffer = this.levels[level] ?? new Uint8Array(HASH_SIZE * 16);
    if ((index + 1) * HASH_SIZE > buffer.length) {
      const grown = new Uint8Array(buffer.length * 2);
      grown.set(buffer);
      this.levels[level] = buffer = grown;
    }
    buffer.set(hash, index * HASH_SIZE);
    this.levels[level] = buffer;
    this.counts[level] = index + 1;
  }
}

/** RFC 9162 §2.1.3.2: whether `proof` shows `leaf` at `leafIndex` in the tree of `treeSize` with `root`. */
export function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusion(leafIndex, treeSize, leaf, proof);
  return computed !== null && hashesEqual(computed, root);
}

/** The root an inclusion proof leads to, or null when the proof's shape is wrong for the sizes. */
export function rootFromInclusion(
  leafIndex: number,
  treeSize: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0) return null;
  if (leafIndex >= treeSize) return null;
  // fn and sn exceed 2^31 only past two billion leaves; plain arithmetic keeps them exact to 2^53.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (p.length !== HASH_SIZE) return null;
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/**
 * RFC 9162 §2.1.4.2: whether `proof` shows the tree of `toSize` with `toRoot` extends the tree of
 * `fromSize` with `fromRoot`. Equal sizes need an empty proof and equal roots; from the empty tree
 * (size 0) any tree is an extension, with an empty proof.
 */
export function verifyConsistency(
  fromSize: number,
  toSize: number,
  fromRoot: Uint8Array,
  toRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(fromSize) || !Number.isSafeInteger(toSize) || fromSize < 0 || fromSize > toSize) {
    return false;
  }
  if (fromSize === toSize) return proof.length === 0 && hashesEqual(fromRoot, toRoot);
  if (fromSize === 0) return proof.length === 0;
  if (proof.length === 0 || proof.some((p) => p.length !== HASH_SIZE)) return false;

  const path = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : [...proof];
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const [first, ...rest] = path;
  if (!first) return false;
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && hashesEqual(fr, fromRoot) && hashesEqual(sr, toRoot);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && Number.isInteger(Math.log2(n));
}
