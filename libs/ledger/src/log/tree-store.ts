import type { Pool, PoolClient } from 'pg';
import {
  consistencyPlan,
  inclusionPlan,
  leafHashOfHex,
  nodesCompletedBy,
  planNodes,
  resolvePlan,
  rootPlan,
  foldNodes,
  type NodeId,
  type NodeSource,
} from '../transparency/merkle';

/**
 * The Merkle tree over the global order as PostgreSQL stores it (tables of the transparency-log
 * projection, see libs/read-models/src/transparency-log): `ledger_leaves` maps leaf indexes to
 * events, `ledger_tree_nodes` holds every complete subtree. Appending reads the right edge of the
 * tree once per batch; a proof is planned, fetched in one query and folded (merkle.ts).
 */

type Db = Pool | PoolClient;

/** Names of the two tables, already quoted and schema-qualified (a projection passes its rebuild copies). */
export interface TreeTables {
  leaves: string;
  nodes: string;
}

export const quoteName = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function treeTables(schema: string): TreeTables {
  return {
    leaves: `${quoteName(schema)}.${quoteName('ledger_leaves')}`,
    nodes: `${quoteName(schema)}.${quoteName('ledger_tree_nodes')}`,
  };
}

/** An event as the tree needs it; the leaf is SHA-256(0x00 ‖ the 32 bytes of `hash`). */
export interface LeafEvent {
  eventId: string;
  streamId: string;
  version: number;
  hash: string;
}

/** The number of leaves stored. */
export async function storedTreeSize(db: Db, tables: TreeTables): Promise<number> {
  const { rows } = await db.query<{ n: string | null }>(`select max(leaf_index)::text as n from ${tables.leaves}`);
  const max = rows[0]?.n;
  return max === null || max === undefined ? 0 : Number(max) + 1;
}

/** Fetches the given nodes in one query; missing ones are absent from the map. */
export async function fetchNodes(
  db: Db,
  tables: TreeTables,
  nodes: readonly NodeId[],
): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  if (nodes.length === 0) return found;
  const { rows } = await db.query<{ level: number; idx: string; hash: Buffer }>(
    `select n.level, n.idx::text as idx, n.hash
       from unnest($1::smallint[], $2::bigint[]) as want(level, idx)
       join ${tables.nodes} n on n.level = want.level and n.idx = want.idx`,
    [nodes.map((n) => n.level), nodes.map((n) => String(n.index))],
  );
  for (const r of rows) found.set(nodeKey(r.level, Number(r.idx)), new Uint8Array(r.hash));
  return found;
}

const nodeKey = (level: number, index: number) => `${level}:${index}`;

function sourceOf(found: Map<string, Uint8Array>): NodeSource {
  return (level, index) => {
    const hash = found.get(nodeKey(level, index));
    if (!hash) throw new Error(`the transparency log has no stored node at level ${level}, index ${index}`);
    return hash;
  };
}

/**
 * Appends events as the next leaves, in the order given (the global order), with every complete
 * subtree they close. Reads the right edge once; writes two multi-row statements. Returns the new size.
 */
export async function appendLeaves(db: Db, tables: TreeTables, events: readonly LeafEvent[]): Promise<number> {
  const start = await storedTreeSize(db, tables);
  if (events.length === 0) return start;
  const known = await fetchNodes(db, tables, rootPlan(start));
  const left = sourceOf(known);
  const levels: number[] = [];
  const indexes: string[] = [];
  const hashes: Buffer[] = [];
  events.forEach((event, i) => {
    for (const node of nodesCompletedBy(start + i, leafHashOfHex(event.hash), left)) {
      known.set(nodeKey(node.level, node.index), node.hash);
      levels.push(node.level);
      indexes.push(String(node.index));
      hashes.push(Buffer.from(node.hash));
    }
  });
  await db.query(
    `insert into ${tables.leaves} (leaf_index, event_id, stream_id, version, event_hash)
     select * from unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::char(64)[])`,
    [
      events.map((_, i) => String(start + i)),
      events.map((e) => e.eventId),
      events.map((e) => e.streamId),
      events.map((e) => e.version),
      events.map((e) => e.hash),
    ],
  );
  await db.query(
    `insert into ${tables.nodes} (level, idx, hash) select * from unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
    [levels, indexes, hashes],
  );
  return start + events.length;
}

/** The root of the tree of `size` leaves (size ≤ the stored size). */
export async function storedRoot(db: Db, tables: TreeTables, size: number): Promise<Uint8Array> {
  const plan = rootPlan(size);
  const source = sourceOf(await fetchNodes(db, tables, plan));
  return foldNodes(plan.map((n) => source(n.level, n.index)));
}

export async function storedInclusionProof(
  db: Db,
  tables: TreeTables,
  leafIndex: number,
  size: number,
): Promise<Uint8Array[]> {
  const plan = inclusionPlan(leafIndex, size);
  return resolvePlan(plan, sourceOf(await fetchNodes(db, tables, planNodes(plan))));
}

export async function storedConsistencyProof(
  db: Db,
  tables: TreeTables,
  from: number,
  to: number,
): Promise<Uint8Array[]> {
  const plan = consistencyPlan(from, to);
  return resolvePlan(plan, sourceOf(await fetchNodes(db, tables, planNodes(plan))));
}

export interface StoredLeaf {
  leafIndex: number;
  eventId: string;
  streamId: string;
  version: number;
  eventHash: string;
}

export async function leafOfEvent(db: Db, tables: TreeTables, eventId: string): Promise<StoredLeaf | null> {
  const { rows } = await db.query<{
    leaf_index: string;
    event_id: string;
    stream_id: string;
    version: number;
    event_hash: string;
  }>(
    `select leaf_index::text as leaf_index, event_id, stream_id, version, event_hash from ${tables.leaves} where event_id = $1`,
    [eventId],
  );
  const r = rows[0];
  return r
    ? {
        leafIndex: Number(r.leaf_index),
        eventId: r.event_id,
        streamId: r.stream_id,
        version: r.version,
        eventHash: r.event_hash,
      }
    : null;
}

/** The leaves of some streams, in leaf order. */
export async function leavesOfStreams(db: Db, tables: TreeTables, streamIds: readonly string[]): Promise<StoredLeaf[]> {
  const { rows } = await db.query<{
    leaf_index: string;
    event_id: string;
    stream_id: string;
    version: number;
    event_hash: string;
  }>(
    `select leaf_index::text as leaf_index, event_id, stream_id, version, event_hash from ${tables.leaves}
      where stream_id = any($1::text[]) order by leaf_index`,
    [streamIds],
  );
  return rows.map((r) => ({
    leafIndex: Number(r.leaf_index),
    eventId: r.event_id,
    streamId: r.stream_id,
    version: r.version,
    eventHash: r.event_hash,
  }));
}

/** A node source over the nodes a set of proofs needs, fetched in one query. */
export async function nodeSourceFor(db: Db, tables: TreeTables, nodes: readonly NodeId[]): Promise<NodeSource> {
  return sourceOf(await fetchNodes(db, tables, nodes));
}
