import type { Pool, PoolClient } from 'pg';
import { EventStore, GlobalPosition, RecordedEvent, START } from '@casework/event-store';
import { ensureCheckpoints, lockCheckpoint, writeCheckpoint } from './checkpoints';
import { Projection, ProjectionContext, quoteIdent } from './projection';
import { eventsAfter } from './projection-lag';

export interface RebuildProgress {
  /** The projection, or "<n> projections" when several are rebuilt in one pass. */
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
  /** See RebuildAllOptions.connections. */
  connections?: number;
  onProgress?: (p: RebuildProgress) => void;
}

export interface RebuildAllOptions {
  pool: Pool;
  store: EventStore;
  schema: string;
  projections: readonly Projection[];
  /** Events read per batch; each batch is read and decoded once for every projection. */
  batchSize?: number;
  /**
   * Connections applying projections side by side (each projection's batches stay in order on one
   * connection at a time). Keep 1 on a server with a single backend (PGlite), where a second
   * connection waits for the first one's transaction.
   */
  connections?: number;
  onProgress?: (p: RebuildProgress) => void;
}

export interface RebuildResult {
  projection: string;
  events: number;
  position: GlobalPosition;
  elapsedMs: number;
  /** Time spent on this projection alone: applying its batches and building its indexes. */
  busyMs: number;
}

interface IndexInfo {
  name: string;
  def: string;
  constraintType: string | null;
  constraintDef: string | null;
}

const REBUILD_SUFFIX = '_rebuild';
const DEFAULT_BATCH = 20_000;
const tmpName = (name: string, suffix: string) => `${name.slice(0, 63 - suffix.length)}${suffix}`;

/** Rebuilds one projection; see rebuildProjections. */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { projection, ...rest } = options;
  const [result] = await rebuildProjections({ ...rest, projections: [projection] });
  if (!result) throw new Error(`rebuild ${projection.name}: no result`);
  return result;
}

/**
 * Rebuilds projections from zero in one pass over the log (DESIGN §5): each batch is read and
 * decoded once and applied to every projection's `<table>_rebuild` copies (unlogged until the
 * fill is done; unique keys only while
 * filling, none for insert-only tables; the other indexes are built after the fill, which is much
 * faster). Then one
 * transaction, holding every rebuilt projection's checkpoint row: applies what came in meanwhile,
 * renames the live tables away and the copies in, and sets each checkpoint. Readers see the old
 * models or the new ones, never a half-built one; the live runner waits on the checkpoint locks
 * and continues from the rebuilt positions.
 */
export async function rebuildProjections(options: RebuildAllOptions): Promise<RebuildResult[]> {
  const { pool, store, schema } = options;
  const projections = [...options.projections];
  const names = projections.map((p) => p.name);
  if (new Set(names).size !== names.length)
    throw new Error(`rebuild: a projection is named twice (${names.join(', ')})`);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const started = Date.now();
  const busy = new Map(names.map((n) => [n, 0]));
  const timed = async <T>(p: Projection, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await work();
    } finally {
      busy.set(p.name, busy.get(p.name)! + Date.now() - t0);
    }
  };
  const q = (t: string) => `${quoteIdent(schema)}.${quoteIdent(t)}`;
  const ctxOf = (client: PoolClient): ProjectionContext => ({
    client,
    mode: 'rebuild',
    table: (t) => q(tmpName(t, REBUILD_SUFFIX)),
  });
  const total = (await eventsAfter(store, pool, schema, START)).count;
  const [only, ...others] = names;
  const label = only !== undefined && others.length === 0 ? only : `${names.length} projections`;
  const report = (done: number, phase: RebuildProgress['phase']) =>
    options.onProgress?.({ projection: label, done, total, elapsedMs: Date.now() - started, phase });

  const main = await pool.connect();
  const clients: PoolClient[] = [main];
  const tables = projections.flatMap((p) =>
    p.tables.map((table) => ({ projection: p, table, insertOnly: p.insertOnlyTables?.includes(table) ?? false })),
  );
  const isKey = (i: IndexInfo) => i.constraintType === 'p' || i.constraintType === 'u';
  try {
    const indexes = new Map<string, IndexInfo[]>();
    for (const { table, insertOnly } of tables) {
      const info = await indexesOf(main, schema, table);
      indexes.set(table, info);
      const rb = tmpName(table, REBUILD_SUFFIX);
      await main.query(`drop table if exists ${q(rb)}`);
      // Unlogged while filling: the copies are scratch until the swap (dropped if the rebuild dies),
      // so the fill writes no WAL; SET LOGGED below writes them to the WAL in bulk before any index.
      await main.query(
        `create unlogged table ${q(rb)} (like ${q(table)} including defaults including constraints including identity including generated)`,
      );
      // Unique keys now (upserts and lookups need them) unless the table is insert-only; the rest after the fill.
      if (insertOnly) continue;
      for (const ix of info.filter(isKey)) {
        await main.query(
          `alter table ${q(rb)} add constraint ${quoteIdent(tmpName(ix.name, '_rb'))} ${ix.constraintDef}`,
        );
      }
    }

    const wanted = Math.max(1, Math.min(options.connections ?? 1, projections.length));
    while (clients.length < wanted) clients.push(await pool.connect());
    // The fill is scratch work (the copies are dropped if it dies), so it may skip the WAL flush.
    for (const c of clients) await c.query('set synchronous_commit = off');

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
      const last = batch.at(-1);
      if (!last) break;
      position = last.position;
      // Read the next batch while this one is written.
      next = readAfter(position);
      // The slowest so far first, so the connections finish the batch at about the same time.
      const slowestFirst = [...projections].sort((a, b) => busy.get(b.name)! - busy.get(a.name)!);
      await runOn(
        clients,
        slowestFirst.map(
          (p) => (client: PoolClient) => timed(p, () => applyInTransaction(client, p, batch, ctxOf(client))),
        ),
      );
      done += batch.length;
      if (Date.now() - lastReport > 250) {
        report(done, 'replaying');
        lastReport = Date.now();
      }
    }
    for (const c of clients) await c.query('set synchronous_commit = on');

    report(done, 'indexing');
    // Index builds sort in memory rather than on disk when they can.
    for (const c of clients) await c.query(`set maintenance_work_mem = '256MB'`);
    await runOn(
      clients,
      tables.map(
        ({ projection, table }) =>
          (client: PoolClient) =>
            timed(projection, () =>
              client.query(`alter table ${q(tmpName(table, REBUILD_SUFFIX))} set logged`).then(() => undefined),
            ),
      ),
    );
    // Keys first (ALTER TABLE locks the table), then every plain index as its own task: builds on
    // one table share its lock, so the big tables' indexes spread over the connections.
    await runOn(
      clients,
      tables
        .filter((t) => t.insertOnly)
        .map(
          ({ projection, table }) =>
            (client: PoolClient) =>
              timed(projection, async () => {
                for (const ix of indexes.get(table)!.filter(isKey)) {
                  try {
                    await client.query(
                      `alter table ${q(tmpName(table, REBUILD_SUFFIX))} add constraint ${quoteIdent(tmpName(ix.name, '_rb'))} ${ix.constraintDef}`,
                    );
                  } catch (e) {
                    throw new Error(
                      `rebuild ${projection.name}: ${table} got a row twice (${ix.name}): ${(e as Error).message}`,
                      { cause: e },
                    );
                  }
                }
              }),
        ),
    );
    await runOn(
      clients,
      tables.flatMap(({ projection, table }) =>
        indexes
          .get(table)!
          .filter((i) => i.constraintType === null)
          .map(
            (ix) => (client: PoolClient) =>
              timed(projection, async () => {
                const rb = tmpName(table, REBUILD_SUFFIX);
                const def = ix.def.replace(
                  /^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+ USING/,
                  (_m, u) => `CREATE ${u ?? ''}INDEX ${quoteIdent(tmpName(ix.name, '_rb'))} ON ${q(rb)} USING`,
                );
                if (def === ix.def)
                  throw new Error(`rebuild ${projection.name}: cannot copy index ${ix.name}: ${ix.def}`);
                await client.query(def);
              }),
          ),
      ),
    );
    await runOn(
      clients,
      tables.map(
        ({ projection, table }) =>
          (client: PoolClient) =>
            timed(projection, () => client.query(`analyze ${q(tmpName(table, REBUILD_SUFFIX))}`).then(() => undefined)),
      ),
    );
    for (const c of clients) await c.query('reset maintenance_work_mem');
    for (const c of clients.splice(1)) c.release();

    report(done, 'swapping');
    await ensureCheckpoints(main, schema, names);
    await main.query('begin');
    try {
      // In name order, so two rebuilds of overlapping sets cannot deadlock on them.
      for (const name of [...names].sort()) await lockCheckpoint(main, schema, name);
      for (;;) {
        const batch = await store.readAll({ after: position, maxCount: batchSize });
        const last = batch.at(-1);
        if (!last) break;
        for (const p of projections) {
          const handled = batch.filter((e) => p.handles(e));
          if (handled.length > 0) await timed(p, () => p.apply(handled, ctxOf(main)));
        }
        position = last.position;
        done += batch.length;
      }
      const olds: string[] = [];
      for (const { table } of tables) {
        const old = tmpName(table, '_old');
        olds.push(old);
        const rb = tmpName(table, REBUILD_SUFFIX);
        await main.query(`drop table if exists ${q(old)}`);
        for (const ix of indexes.get(table)!) {
          await main.query(`alter index ${q(ix.name)} rename to ${quoteIdent(tmpName(ix.name, '_old'))}`);
        }
        await main.query(`alter table ${q(table)} rename to ${quoteIdent(old)}`);
        await main.query(`alter table ${q(rb)} rename to ${quoteIdent(table)}`);
        for (const ix of indexes.get(table)!) {
          await main.query(`alter index ${q(tmpName(ix.name, '_rb'))} rename to ${quoteIdent(ix.name)}`);
        }
        await copyGrants(main, schema, old, table);
      }
      for (const name of names) await writeCheckpoint(main, schema, name, position);
      await main.query(
        `update ${q('projection_failures')} set resolved_at = now() where projection = any($1::text[]) and resolved_at is null`,
        [names],
      );
      await main.query('commit');
      // Readers that were waiting on the old tables finish on them; then they go.
      for (const old of olds) await main.query(`drop table if exists ${q(old)}`);
    } catch (e) {
      await main.query('rollback').catch(() => undefined);
      throw e;
    }
    report(done, 'done');
    const elapsedMs = Date.now() - started;
    return projections.map((p) => ({
      projection: p.name,
      events: done,
      position,
      elapsedMs,
      busyMs: busy.get(p.name)!,
    }));
  } catch (e) {
    for (const c of clients)
      await c.query('reset synchronous_commit; reset maintenance_work_mem').catch(() => undefined);
    for (const c of clients.splice(1)) c.release();
    for (const { table } of tables) {
      await main.query(`drop table if exists ${q(tmpName(table, REBUILD_SUFFIX))}`).catch(() => undefined);
    }
    throw e;
  } finally {
    main.release();
  }
}

/**
 * Runs the tasks on the clients, each client taking the next task when it is free; resolves when
 * all are done, rejects with the first failure once the running ones have settled.
 */
async function runOn(
  clients: readonly PoolClient[],
  tasks: readonly ((client: PoolClient) => Promise<void>)[],
): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async (client: PoolClient) => {
    while (failures.length === 0) {
      const task = tasks[next++];
      if (!task) return;
      try {
        await task(client);
      } catch (e) {
        failures.push(e);
      }
    }
  };
  await Promise.all(clients.map(worker));
  if (failures.length > 0) throw failures[0];
}

async function applyInTransaction(
  client: PoolClient,
  projection: Projection,
  batch: RecordedEvent[],
  ctx: ProjectionContext,
): Promise<void> {
  const handled = batch.filter((e) => projection.handles(e));
  const [first] = handled;
  if (!first) return;
  await client.query('begin');
  try {
    await projection.apply(handled, ctx);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw new Error(
      `rebuild ${projection.name} failed in the batch starting at event ${first.metadata.eventId} (seq ${first.globalSeq}): ${(e as Error).message}`,
      { cause: e },
    );
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
  if (rows.length === 0 && !(await tableExists(client, schema, table)))
    throw new Error(`table ${schema}.${table} does not exist: run the migrations first`);
  return rows.map((r) => ({ name: r.name, def: r.def, constraintType: r.contype, constraintDef: r.condef }));
}

async function tableExists(client: PoolClient, schema: string, table: string): Promise<boolean> {
  const { rowCount } = await client.query(`select 1 from pg_tables where schemaname = $1 and tablename = $2`, [
    schema,
    table,
  ]);
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
