import { RecordedEvent } from '@casework/event-store';
import {
  AuditTrailProjection,
  CaseQueueProjection,
  Projection,
  ProjectionContext,
  ProjectionRunner,
  allProjections,
  openFailures,
  rebuildProjection,
  resolveFailures,
  syntheticWorkload,
} from '@casework/read-models';
import { appendStreams, createProjectionSchema, ProjectionSchema, readModelSnapshot } from './projection-fixture';
import { nth } from '../support/defined';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('projection runner (PostgreSQL)', () => {
  let db: ProjectionSchema;
  beforeAll(async () => {
    db = await createProjectionSchema('proj_runner');
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** Catch up until every committed event is visible to readAll (an open transaction elsewhere can hold it back). */
  const catchUpAll = async (r: ProjectionRunner) => {
    for (let i = 0; i < 500; i++) {
      await r.catchUp();
      const [head] = await db.store.readAll({ maxCount: 1, after: nth(await r.status(), 0).position });
      const { rows } = await db.adminPool.query('select count(*)::int as n from audit_events');
      const { rows: ev } = await db.adminPool.query('select count(*)::int as n from events');
      if (!head && rows[0].n === ev[0].n) return;
      await new Promise((res) => setTimeout(res, 20));
    }
  };
  const runner = (projections: Projection[] = allProjections(), batchSize = 50) =>
    new ProjectionRunner({
      pool: db.adminPool,
      store: db.store,
      schema: db.schema,
      projections,
      batchSize,
      logger: quiet,
    });

  it('projects every event once, resumes after a restart, and a rebuild equals the live model', async () => {
    const streams = syntheticWorkload(7, 40, 15);
    const first = streams.slice(0, 30);
    const total1 = await appendStreams(db.store, first);
    await catchUpAll(runner());
    const { rows: c1 } = await db.adminPool.query('select count(*)::int as n from audit_events');
    expect(c1[0].n).toBe(total1);

    // A new runner (a restarted worker) continues from the checkpoints.
    const total2 = await appendStreams(db.store, streams.slice(30));
    const r2 = runner();
    await catchUpAll(r2);
    const { rows: ids } = await db.adminPool.query('select event_id from audit_events');
    const all = await db.store.readAll({ maxCount: 100_000 });
    expect(ids.length).toBe(total1 + total2);
    expect(new Set(ids.map((r) => r.event_id))).toEqual(new Set(all.map((e) => e.metadata.eventId)));

    const caseCount = streams.filter((s) => s.streamId.startsWith('case-')).length;
    const { rows: q } = await db.adminPool.query('select count(*)::int as n from case_queue');
    expect(q[0].n).toBe(caseCount);

    const status = await r2.status();
    expect(status.map((s) => s.name)).toEqual(expect.arrayContaining(['audit-trail', 'case-queue']));
    for (const s of status) expect([s.name, s.lagEvents, s.blocked]).toEqual([s.name, 0, false]);

    const live = await readModelSnapshot(db.adminPool, db.schema);
    const progress: number[] = [];
    for (const p of allProjections()) {
      const result = await rebuildProjection({
        pool: db.adminPool,
        store: db.store,
        schema: db.schema,
        projection: p,
        batchSize: 37,
        onProgress: (x) => progress.push(x.done),
      });
      expect(result.events).toBe(all.length);
    }
    expect(progress.length).toBeGreaterThan(0);
    expect(await readModelSnapshot(db.adminPool, db.schema)).toEqual(live);
    // The swapped-in tables keep their indexes under the original names and no scratch tables remain.
    const { rows: idx } = await db.adminPool.query(
      `select indexname from pg_indexes where schemaname = $1 and tablename = 'audit_events' order by 1`,
      [db.schema],
    );
    expect(idx.map((r) => r.indexname)).toEqual([
      'audit_events_actor_idx',
      'audit_events_case_idx',
      'audit_events_household_idx',
      'audit_events_pkey',
      'audit_events_position_idx',
      'audit_events_recorded_at_idx',
      'audit_events_type_idx',
      'audit_events_unit_idx',
    ]);
    const { rows: scratch } = await db.adminPool.query(
      `select tablename from pg_tables where schemaname = $1 and (tablename like '%_rebuild' or tablename like '%_old')`,
      [db.schema],
    );
    expect(scratch).toEqual([]);

    // After the rebuild the live runner goes on from the rebuilt checkpoint without duplicates.
    await appendStreams(db.store, syntheticWorkload(8, 5, 2));
    await catchUpAll(runner());
    const { rows: c3 } = await db.adminPool.query(
      'select count(*)::int as n, count(distinct event_id)::int as d from audit_events',
    );
    const after = await db.store.readAll({ maxCount: 100_000 });
    expect(c3[0]).toEqual({ n: after.length, d: after.length });
  });

  it('records an event a projection cannot apply, blocks only that projection, and resumes after the failure is resolved', async () => {
    let failOn: string | null = null;
    class Picky implements Projection {
      readonly name = 'picky';
      readonly tables = ['audit_events'] as const;
      seen: string[] = [];
      handles(e: RecordedEvent) {
        return e.streamId.startsWith('case-');
      }
      async apply(batch: RecordedEvent[], _ctx: ProjectionContext) {
        for (const e of batch) {
          if (e.metadata.eventId === failOn) throw new Error('cannot fold this event');
        }
        this.seen.push(...batch.map((e) => e.metadata.eventId));
      }
    }
    const picky = new Picky();
    const audit = new AuditTrailProjection();
    await appendStreams(db.store, syntheticWorkload(11, 6, 0));
    const before = await db.store.readAll({ maxCount: 100_000 });
    const caseEvents = before.filter((e) => e.streamId.startsWith('case-'));
    failOn = nth(caseEvents, Math.floor(caseEvents.length / 2)).metadata.eventId;

    const r = runner([audit, new CaseQueueProjection(), picky], 1000);
    await catchUpAll(r);
    const failures = await openFailures(db.adminPool, db.schema, 'picky');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ eventId: failOn, error: 'cannot fold this event' });
    // Everything before the bad event was applied, nothing after it.
    const idx = caseEvents.findIndex((e) => e.metadata.eventId === failOn);
    expect(picky.seen).toEqual(caseEvents.slice(0, idx).map((e) => e.metadata.eventId));
    const status = await r.status();
    const pickyStatus = status.find((s) => s.name === 'picky')!;
    expect(pickyStatus.blocked).toBe(true);
    expect(pickyStatus.lagEvents).toBeGreaterThan(0);
    expect(nth(pickyStatus.failures, 0).eventType).toBe(nth(caseEvents, idx).type);
    expect(status.find((s) => s.name === 'audit-trail')!.lagEvents).toBe(0);

    // Still blocked on the next round: no skipping.
    await r.catchUp();
    expect(picky.seen).toHaveLength(idx);

    failOn = null;
    expect(await resolveFailures(db.adminPool, db.schema, 'picky')).toBe(1);
    await catchUpAll(r);
    expect(picky.seen).toEqual(caseEvents.map((e) => e.metadata.eventId));
    expect((await r.status()).find((s) => s.name === 'picky')).toMatchObject({ blocked: false, lagEvents: 0 });
  });
});
