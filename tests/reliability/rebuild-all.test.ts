import type { RecordedEvent } from '@casework/event-store';
import {
  Projection,
  ProjectionContext,
  ProjectionRunner,
  allProjections,
  readCheckpoints,
  rebuildProjections,
  syntheticWorkload,
} from '@casework/read-models';
import { appendStreams, createProjectionSchema, ProjectionSchema } from './projection-fixture';
import { nth } from '../support/defined';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * `projections rebuild` without a name: every projection in one pass over the log, applied side
 * by side on two connections, swapped in together with the checkpoints.
 */
describe('rebuild of all projections in one pass (PostgreSQL)', () => {
  let db: ProjectionSchema;
  beforeAll(async () => {
    db = await createProjectionSchema('rebuild_all');
  });
  afterAll(async () => {
    await db?.drop();
  });

  const tables = () => allProjections().flatMap((p) => p.tables);
  /** Every row of every projection table, in a stable order. */
  const snapshot = async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of tables())
      out[t] = (await db.adminPool.query(`select * from "${db.schema}"."${t}" as r order by r::text`)).rows;
    return out;
  };
  const indexNames = async () =>
    (
      await db.adminPool.query(
        `select tablename, indexname from pg_indexes where schemaname = $1 and tablename = any($2) order by 1, 2`,
        [db.schema, tables()],
      )
    ).rows;
  const scratchTables = async () =>
    (
      await db.adminPool.query(
        `select tablename from pg_tables where schemaname = $1 and (tablename like '%_rebuild' or tablename like '%_old')`,
        [db.schema],
      )
    ).rows;
  const catchUp = async (r: ProjectionRunner) => {
    for (let i = 0; i < 500; i++) {
      await r.catchUp();
      if ((await r.status()).every((s) => s.lagEvents === 0)) return;
      await new Promise((res) => setTimeout(res, 20));
    }
  };
  const runner = (projections: Projection[] = allProjections()) =>
    new ProjectionRunner({
      pool: db.adminPool,
      store: db.store,
      schema: db.schema,
      projections,
      batchSize: 100,
      logger: quiet,
    });

  it('equals the live models, keeps the indexes, and moves every checkpoint to the end of the log', async () => {
    await appendStreams(db.store, syntheticWorkload(21, 60, 20));
    await catchUp(runner());
    const live = await snapshot();
    const liveIndexes = await indexNames();
    expect(Object.values(live).every((rows) => rows.length > 0)).toBe(true);
    const all = await db.store.readAll({ maxCount: 100_000 });

    const phases = new Set<string>();
    const results = await rebuildProjections({
      pool: db.adminPool,
      store: db.store,
      schema: db.schema,
      projections: allProjections(),
      batchSize: 53,
      connections: 2,
      onProgress: (p) => phases.add(p.phase),
    });
    expect(results.map((r) => r.projection)).toEqual(allProjections().map((p) => p.name));
    for (const r of results) {
      expect(r.events).toBe(all.length);
      expect(r.position).toEqual(nth(all, -1).position);
    }
    expect([...phases]).toEqual(['replaying', 'indexing', 'swapping', 'done']);
    expect(await snapshot()).toEqual(live);
    expect(await indexNames()).toEqual(liveIndexes);
    expect(await scratchTables()).toEqual([]);
    // The copies were filled unlogged; what was swapped in is crash-safe again.
    const { rows: unlogged } = await db.adminPool.query(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relpersistence <> 'p'`,
      [db.schema],
    );
    expect(unlogged).toEqual([]);
    const checkpoints = await readCheckpoints(db.adminPool, db.schema);
    for (const p of allProjections())
      expect([p.name, checkpoints.get(p.name)?.position]).toEqual([p.name, nth(all, -1).position]);
  });

  it('takes in events appended during the rebuild once: the live runner goes on without gaps or duplicates', async () => {
    // The append that runs while the rebuild replays (a holder, so that the callback's assignment is seen below).
    const during: { appending?: Promise<number> } = {};
    await rebuildProjections({
      pool: db.adminPool,
      store: db.store,
      schema: db.schema,
      projections: allProjections(),
      batchSize: 40,
      connections: 2,
      onProgress: (p) => {
        if (p.phase === 'replaying' && during.appending === undefined)
          during.appending = appendStreams(db.store, syntheticWorkload(22, 10, 4));
      },
    });
    expect(during.appending).toBeDefined();
    await during.appending;
    await catchUp(runner());
    const events = await db.store.readAll({ maxCount: 100_000 });
    const { rows } = await db.adminPool.query(
      'select count(*)::int as n, count(distinct event_id)::int as d from audit_events',
    );
    expect(rows[0]).toEqual({ n: events.length, d: events.length });
    const caseStreams = new Set(events.filter((e) => e.streamId.startsWith('case-')).map((e) => e.streamId));
    const { rows: q } = await db.adminPool.query('select count(*)::int as n from case_queue');
    expect(q[0].n).toBe(caseStreams.size);

    // The same as a rebuild from scratch of the now longer log.
    const live = await snapshot();
    await rebuildProjections({
      pool: db.adminPool,
      store: db.store,
      schema: db.schema,
      projections: allProjections(),
      connections: 2,
    });
    expect(await snapshot()).toEqual(live);
  });

  it('swaps nothing when one projection fails: every live table and checkpoint stays as it was', async () => {
    const before = await snapshot();
    const checkpointsBefore = await readCheckpoints(db.adminPool, db.schema);
    const events = await db.store.readAll({ maxCount: 100_000 });
    const failOn = nth(events, Math.floor(events.length * 0.7)).metadata.eventId;
    class Broken implements Projection {
      readonly name = 'broken';
      readonly tables = ['audit_reads'] as const;
      handles() {
        return true;
      }
      async apply(batch: RecordedEvent[], _ctx: ProjectionContext) {
        if (batch.some((e) => e.metadata.eventId === failOn)) throw new Error('cannot fold this event');
      }
    }
    await expect(
      rebuildProjections({
        pool: db.adminPool,
        store: db.store,
        schema: db.schema,
        projections: [...allProjections(), new Broken()],
        batchSize: 97,
        connections: 2,
      }),
    ).rejects.toThrow(/rebuild broken failed in the batch .*cannot fold this event/);
    expect(await snapshot()).toEqual(before);
    expect(await readCheckpoints(db.adminPool, db.schema)).toEqual(checkpointsBefore);
    expect(await scratchTables()).toEqual([]);
  });

  it('builds the unique keys of insert-only tables after the fill: a row written twice still fails the rebuild', async () => {
    await db.adminPool.query(
      `create table "${db.schema}".event_ids (event_id text not null, constraint event_ids_pkey primary key (event_id))`,
    );
    const events = await db.store.readAll({ maxCount: 100_000 });
    let twice: string | null = nth(events, Math.floor(events.length / 3)).metadata.eventId;
    class EventIds implements Projection {
      readonly name = 'event-ids';
      readonly tables = ['event_ids'] as const;
      readonly insertOnlyTables = ['event_ids'] as const;
      handles() {
        return true;
      }
      async apply(batch: RecordedEvent[], ctx: ProjectionContext) {
        const ids = batch.flatMap((e) =>
          e.metadata.eventId === twice ? [e.metadata.eventId, e.metadata.eventId] : [e.metadata.eventId],
        );
        await ctx.client.query(`insert into ${ctx.table('event_ids')} (event_id) select unnest($1::text[])`, [ids]);
      }
    }
    await expect(
      rebuildProjections({
        pool: db.adminPool,
        store: db.store,
        schema: db.schema,
        projections: [new EventIds()],
        batchSize: 50,
        connections: 2,
      }),
    ).rejects.toThrow(/rebuild event-ids: event_ids got a row twice \(event_ids_pkey\)/);
    expect((await db.adminPool.query(`select count(*)::int as n from "${db.schema}".event_ids`)).rows[0].n).toBe(0);
    expect(await scratchTables()).toEqual([]);

    twice = null;
    await rebuildProjections({
      pool: db.adminPool,
      store: db.store,
      schema: db.schema,
      projections: [new EventIds()],
      batchSize: 50,
      connections: 2,
    });
    expect((await db.adminPool.query(`select count(*)::int as n from "${db.schema}".event_ids`)).rows[0].n).toBe(
      events.length,
    );
    const { rows } = await db.adminPool.query(`select conname from pg_constraint where conrelid = $1::regclass`, [
      `"${db.schema}".event_ids`,
    ]);
    expect(rows.map((r) => r.conname)).toEqual(['event_ids_pkey']);
  });
});
