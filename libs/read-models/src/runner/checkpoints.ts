import type { Pool, PoolClient } from 'pg';
import { GlobalPosition, RecordedEvent, START } from '@casework/event-store';
import { quoteIdent } from './projection';

type Db = Pool | PoolClient;

export interface Checkpoint {
  name: string;
  position: GlobalPosition;
  updatedAt: string | null;
}

export interface ProjectionFailure {
  id: string;
  projection: string;
  eventId: string;
  globalSeq: string;
  position: GlobalPosition;
  streamId: string;
  eventType: string;
  error: string;
  failedAt: string;
}

const t = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

export async function ensureCheckpoints(db: Db, schema: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await db.query(
    `insert into ${t(schema, 'projection_checkpoints')} (name, commit, prepare, updated_at)
     select n, 0, 0, now() from unnest($1::text[]) as n on conflict (name) do nothing`,
    [names],
  );
}

export async function readCheckpoints(db: Db, schema: string): Promise<Map<string, Checkpoint>> {
  const { rows } = await db.query<{ name: string; commit: string; prepare: string; updated_at: Date | null }>(
    `select name, commit::text as commit, prepare::text as prepare, updated_at from ${t(schema, 'projection_checkpoints')}`,
  );
  return new Map(
    rows.map((r) => [
      r.name,
      {
        name: r.name,
        position: { commit: r.commit, prepare: r.prepare },
        updatedAt: r.updated_at?.toISOString() ?? null,
      },
    ]),
  );
}

/** Locks the projection's checkpoint row for the rest of the transaction and returns it. */
export async function lockCheckpoint(client: PoolClient, schema: string, name: string): Promise<GlobalPosition> {
  const { rows } = await client.query<{ commit: string; prepare: string }>(
    `select commit::text as commit, prepare::text as prepare from ${t(schema, 'projection_checkpoints')} where name = $1 for update`,
    [name],
  );
  return rows[0] ? { commit: rows[0].commit, prepare: rows[0].prepare } : START;
}

export async function writeCheckpoint(
  client: PoolClient,
  schema: string,
  name: string,
  position: GlobalPosition,
): Promise<void> {
  await client.query(
    `insert into ${t(schema, 'projection_checkpoints')} (name, commit, prepare, updated_at) values ($1, $2, $3, now())
     on conflict (name) do update set commit = excluded.commit, prepare = excluded.prepare, updated_at = excluded.updated_at`,
    [name, position.commit, position.prepare],
  );
}

export async function recordFailure(
  db: Db,
  schema: string,
  projection: string,
  event: RecordedEvent,
  error: unknown,
): Promise<void> {
  const err = error instanceof Error ? error : new Error(String(error));
  await db.query(
    `insert into ${t(schema, 'projection_failures')}
       (projection, event_id, global_seq, commit, prepare, stream_id, event_type, error, stack, failed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
    [
      projection,
      event.metadata.eventId,
      event.globalSeq,
      event.position.commit,
      event.position.prepare,
      event.streamId,
      event.type,
      err.message,
      err.stack ?? null,
    ],
  );
}

/** Unresolved failures: each one blocks its projection until resolved (retry or rebuild). */
export async function openFailures(db: Db, schema: string, projection?: string): Promise<ProjectionFailure[]> {
  const { rows } = await db.query<{
    id: string;
    projection: string;
    event_id: string;
    global_seq: string;
    commit: string;
    prepare: string;
    stream_id: string;
    event_type: string;
    error: string;
    failed_at: Date;
  }>(
    `select id::text, projection, event_id, global_seq::text, commit::text, prepare::text, stream_id, event_type, error, failed_at
       from ${t(schema, 'projection_failures')}
      where resolved_at is null and ($1::text is null or projection = $1) order by id`,
    [projection ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    projection: r.projection,
    eventId: r.event_id,
    globalSeq: r.global_seq,
    position: { commit: r.commit, prepare: r.prepare },
    streamId: r.stream_id,
    eventType: r.event_type,
    error: r.error,
    failedAt: r.failed_at.toISOString(),
  }));
}

/** Marks a projection's failures resolved so the runner tries the event again (after a fix). */
export async function resolveFailures(db: Db, schema: string, projection: string): Promise<number> {
  const res = await db.query(
    `update ${t(schema, 'projection_failures')} set resolved_at = now() where projection = $1 and resolved_at is null`,
    [projection],
  );
  return res.rowCount ?? 0;
}
