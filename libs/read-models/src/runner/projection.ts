import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@casework/event-store';

/** What a projection gets for one batch: the open transaction and where its tables are. */
export interface ProjectionContext {
  /** The client holding the batch's transaction; the checkpoint is written on it after apply. */
  client: PoolClient;
  /** Quoted, schema-qualified name of one of the projection's tables (the rebuild copy while rebuilding). */
  table(name: string): string;
  mode: 'live' | 'rebuild';
}

/**
 * A read model fed from the global order (DESIGN §5). `apply` gets only events `handles` accepted,
 * in global order, and must write the whole batch on `ctx.client` (multi-row statements, not one
 * round trip per event): the runner commits it together with the checkpoint.
 */
export interface Projection {
  readonly name: string;
  /** Tables the projection owns, rebuilt and swapped together. */
  readonly tables: readonly string[];
  /**
   * Those of `tables` that apply only ever INSERTs into (never reads, updates or upserts). A
   * rebuild adds even their unique keys after the fill, which is much faster than checking each
   * row on the way in; a row written twice still fails the rebuild, at the end.
   */
  readonly insertOnlyTables?: readonly string[];
  handles(event: RecordedEvent): boolean;
  apply(batch: RecordedEvent[], ctx: ProjectionContext): Promise<void>;
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function liveContext(client: PoolClient, schema: string): ProjectionContext {
  return { client, mode: 'live', table: (name) => `${quoteIdent(schema)}.${quoteIdent(name)}` };
}
