import type { Pool, PoolClient } from 'pg';
import { EventStore, GlobalPosition, RecordedEvent, START } from '@casework/event-store';
import { ensureCheckpoints, lockCheckpoint, writeCheckpoint } from './checkpoints';
import { Projection, ProjectionContext, quoteIdent } from './projection';
import { eventsAfter } from './projection-lag';

export interface RebuildProgress {
  projection: string;
  done: number;
  total: number;
  elapsedMs: number;
  phase: 'replaying' | 'indexing' | 'swapping' | 'done';
}

export interface RebuildOptions {
  pool: Pool;
  store: EventStore;
  schema: string;
  projection: Projection;
  batchSize?: number;
  onProgress?: (p: RebuildProgress) => void;
}

export interface RebuildResult {
  projection: string;
  events: number;
  position: GlobalPosition;
  elapsedMs: number;
}

interface IndexInfo {
  name: string;
  def: string;
  constraintType: string | null;
  constraintDef: string | null;
}

const REBUILD_SUFFIX = '_rebuild';
const tmpName = (name: string, suffix: string) => `${name.slice(0, 63 - suffix.length)}${suffix}`;

/**
 * Rebuilds a projection from zero into `<table>_rebuild` copies (no secondary indexes while
 * filling), then in one transaction, holding the projection's checkpoint row: applies what came
 * in meanwhile, renames the live tables away, renames the copies in, and sets the checkpoint.
 * Readers see the old model or the new one, never a half-built one; the live runner waits on the
 * checkpoint lock and continues from the rebuilt position.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { pool, store, schema, projection } = options;
  const batchSize = options.batchSize ?? 5000;
  const started = Date.now();
  const q = (t: string) => `${quoteIdent(schema)}.${quoteIdent(t)}`;
  const ctxOf = (client: PoolClient): ProjectionContext => ({ client, mode: 'rebuild', table: (t) => q(tmpName(t, REBUILD_SUFFIX)) });
  const total = (await eventsAfter(store, pool, schema, START)).count;
  const report = (done: number, phase: RebuildProgress['phase']) =>
    options.onProgress?.({ projection: projection.name, done, total, elapsedMs: Date.now() - started, phase });

  const client = await pool.connect();
  try {
    const indexes = new Map<string, IndexInfo[]>();
    for (const table of projection.tables) {
      const info = await indexesOf(client, schema, table);
      indexes.set(table, info);
      const rb = tmpName(table, REBUILD_SUFFIX);
      await client.query(`drop table if exists ${q(rb)}`);
      await client.query(`create table ${q(rb)} (like ${q(table)} including defaults including constraints including identity including generated)`);
      // Unique keys now (upserts need them); plain indexes after the fill, which is much faster.
      for (const ix of info.filter((i) => i.constraintType === 'p' || i.constraintType === 'u')) {
        await client.query(`alter table ${q(rb)} add constraint ${quoteIdent(tmpName(ix.name, '_rb'))} ${ix.constraintDef}`);
      }
    }

    // The fill is scratch work (the copies are dropped if it dies), so it may skip the WAL flush.
    await client.query('set synchronous_commit = off');
    let position: GlobalPosition = START;
    let done = 0;
    const readAfter = (after: GlobalPosition) => {
      const read = store.readAll({ after, maxCount: batchSize });
      read.catch(() => undefined); // awaited below; this only stops an early failure from going unhandled
      return read;
    };
    let next = readAfter(position);
    let lastReport = 0;
    for (;;) {
      const batch = await next;
      if (batch.length === 0) break;
      position = batch[batch.length - 1].position;
      // Read the next batch while this one is written.
      next = readAfter(position);
      await applyInTransaction(client, projection, batch, ctxOf(client));
      done += batch.length;
      if (Date.now() - lastReport > 250) {
        report(done, 'replaying');
        lastReport = Date.now();
      }
    }
    await client.query('set synchronous_commit = on');
    report(done, 'indexing');
    for (const table of projection.tables) {
      const rb = tmpName(table, REBUILD_SUFFIX);
      for (const ix of indexes.get(table)!.filter((i) => i.constraintType === null)) {
        const def = ix.def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+ USING/, (_m, u) => `CREATE ${u ?? ''}INDEX ${quoteIdent(tmpName(ix.name, '_rb'))} ON ${q(rb)} USING`);
        if (def === ix.def) throw new Error(`rebuild ${projection.name}: cannot copy index ${ix.name}: ${ix.def}`);
        await client.query(def);
      }
      await client.query(`analyze ${q(rb)}`);
    }

    report(done, 'swapping');
    await ensureCheckpoints(client, schema, [projection.name]);
    await client.query('begin');
    try {
      await lockCheckpoint(client, schema, projection.name);
      for (;;) {
        const batch = await store.readAll({ after: position, maxCount: batchSize });
        if (batch.length === 0) break;
        const handled = batch.filter((e) => projection.handles(e));
        if (handled.length > 0) await projection.apply(handled, ctxOf(client));
        position = batch[batch.length - 1].position;
        done += batch.length;
      }
      const olds: string[] = [];
      for (const table of projection.tables) {
        const old = tmpName(table, '_old');
        olds.push(old);
        const rb = tmpName(table, REBUILD_SUFFIX);
        await client.query(`drop table if exists ${q(old)}`);
        for (const ix of indexes.get(table)!) {
          await client.query(`alter index ${q(ix.name)} rename to ${quoteIdent(tmpName(ix.name, '_old'))}`);
        }
        await client.query(`alter table ${q(table)} rename to ${quoteIdent(old)}`);
        await client.query(`alter table ${q(rb)} rename to ${quoteIdent(table)}`);
        for (const ix of indexes.get(table)!) {
          await client.query(`alter index ${q(tmpName(ix.name, '_rb'))} rename to ${quoteIdent(ix.name)}`);
        }
        await copyGrants(client, schema, old, table);
      }
      await writeCheckpoint(client, schema, projection.name, position);
      await client.query(
        `update ${q('projection_failures')} set resolved_at = now() where projection = $1 and resolved_at is null`,
        [projection.name],
      );
      await client.query('commit');
      // Readers that were waiting on the old tables finish on them; then they go.
      for (const old of olds) await client.query(`drop table if exists ${q(old)}`);
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    }
    report(done, 'done');
    return { projection: projection.name, events: done, position, elapsedMs: Date.now() - started };
  } catch (e) {
    for (const table of projection.tables) {
      await client.query(`drop table if exists ${q(tmpName(table, REBUILD_SUFFIX))}`).catch(() => undefined);
    }
    throw e;
  } finally {
    client.release();
  }
}

async function applyInTransaction(client: PoolClient, projection: Projection, batch: RecordedEvent[], ctx: ProjectionContext): Promise<void> {
  const handled = batch.filter((e) => projection.handles(e));
  if (handled.length === 0) return;
  await client.query('begin');
  try {
    await projection.apply(handled, ctx);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    const first = handled[0];
    throw new Error(`rebuild ${projection.name} failed in the batch starting at event ${first.metadata.eventId} (seq ${first.globalSeq}): ${(e as Error).message}`);
  }
}

async function indexesOf(client: PoolClient, schema: string, table: string): Promise<IndexInfo[]> {
  const { rows } = await client.query<{ name: string; def: string; contype: string | null; condef: string | null }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def, c.contype::text as contype, pg_get_constraintdef(c.oid) as condef
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class t on t.oid = x.indrelid
       join pg_namespace n on n.oid = t.relnamespace
       left join pg_constraint c on c.conindid = i.oid and c.conrelid = t.oid
      where n.nspname = $1 and t.relname = $2
      order by i.relname`,
    [schema, table],
  );
  if (rows.length === 0 && !(await tableExists(client, schema, table))) throw new Error(`table ${schema}.${table} does not exist: run the migrations first`);
  return rows.map((r) => ({ name: r.name, def: r.def, constraintType: r.contype, constraintDef: r.condef }));
}

async function tableExists(client: PoolClient, schema: string, table: string): Promise<boolean> {
  const { rowCount } = await client.query(`select 1 from pg_tables where schemaname = $1 and tablename = $2`, [schema, table]);
  return (rowCount ?? 0) > 0;
}

/** A renamed-in table must keep the rights the old one had (e.g. the app role's SELECT). */
async function copyGrants(client: PoolClient, schema: string, from: string, to: string): Promise<void> {
  const { rows } = await client.query<{ grantee: string; privilege_type: string }>(
    `select grantee, privilege_type from information_schema.role_table_grants
      where table_schema = $1 and table_name = $2 and grantee <> current_user`,
    [schema, from],
  );
  for (const r of rows) {
    const grantee = r.grantee === 'PUBLIC' ? 'public' : quoteIdent(r.grantee);
    await client.query(`grant ${r.privilege_type} on ${quoteIdent(schema)}.${quoteIdent(to)} to ${grantee}`);
  }
}
