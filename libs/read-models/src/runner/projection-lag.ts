import type { Pool } from 'pg';
import { EventStore, GlobalPosition, PostgresEventStore } from '@casework/event-store';
import { quoteIdent } from './projection';

/** How far a projection is behind the head of the log. */
export interface ProjectionLag {
  /** Events after the checkpoint (capped at LAG_COUNT_CAP; `lagEventsCapped` says so). */
  lagEvents: number;
  lagEventsCapped: boolean;
  /** Age of the oldest event not yet projected, seconds; 0 when caught up. */
  lagSeconds: number;
}

export const LAG_COUNT_CAP = 10_000;

/**
 * Committed events after a position and the oldest one's time: exact on PostgreSQL, through the port
 * elsewhere. On PostgreSQL this counts every committed event, also those a reader cannot take yet
 * because an older appender is still open, so a held-back projection shows lag instead of 0.
 */
export async function eventsAfter(
  store: EventStore,
  pool: Pool,
  schema: string,
  after: GlobalPosition,
): Promise<{ count: number; capped: boolean; oldestRecordedAt: string | null }> {
  if (store instanceof PostgresEventStore) {
    const { rows } = await pool.query<{ n: string; oldest: Date | null }>(
      `select count(*)::text as n, min(recorded_at) as oldest from ${quoteIdent(schema)}.events
        where (tx_id, global_seq) > ($1::xid8, $2::bigint)`,
      [after.commit, after.prepare],
    );
    // An aggregate without group by returns exactly one row.
    const [row] = rows;
    if (!row) throw new Error('projection lag: the count query returned no row');
    return { count: Number(row.n), capped: false, oldestRecordedAt: row.oldest?.toISOString() ?? null };
  }
  const behind = await store.readAll({ after, maxCount: LAG_COUNT_CAP, raw: true });
  return {
    count: behind.length,
    capped: behind.length === LAG_COUNT_CAP,
    oldestRecordedAt: behind[0]?.metadata.recordedAt ?? null,
  };
}

/** Lag of a checkpoint; lagSeconds is the age of the oldest event not yet projected. */
export async function lagOf(
  store: EventStore,
  pool: Pool,
  schema: string,
  after: GlobalPosition,
  now: Date = new Date(),
): Promise<ProjectionLag> {
  const { count, capped, oldestRecordedAt } = await eventsAfter(store, pool, schema, after);
  const lagSeconds = oldestRecordedAt
    ? Math.max(0, Math.round((now.getTime() - Date.parse(oldestRecordedAt)) / 100) / 10)
    : 0;
  return { lagEvents: count, lagEventsCapped: capped, lagSeconds };
}
