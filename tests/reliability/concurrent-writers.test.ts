import { PostgresEventStore } from '@casework/event-store';
import { ProjectionRunner, allProjections, syntheticWorkload } from '@casework/read-models';
import { appendStreams, createProjectionSchema, ProjectionSchema } from './projection-fixture';

describe('many concurrent writers while the runner projects', () => {
  let db: ProjectionSchema;
  beforeAll(async () => {
    db = await createProjectionSchema('proj_concurrent');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('every event reaches the audit trail exactly once', async () => {
    const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
    const runner = new ProjectionRunner({
      pool: db.adminPool,
      store: db.store,
      schema: db.schema,
      projections: allProjections(),
      batchSize: 64,
      idleMs: 5,
      logger: quiet,
    });
    runner.start();
    try {
      // Writers use the restricted app role, as the API does; 24 of them at once.
      const writerStore = new PostgresEventStore({ pool: db.appPool, schema: db.schema });
      const total = await appendStreams(writerStore, syntheticWorkload(5, 160, 60), 24);
      const deadline = Date.now() + 60_000;
      let projected = 0;
      while (Date.now() < deadline) {
        projected = (await db.adminPool.query('select count(*)::int as n from audit_events')).rows[0].n;
        if (projected >= total) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(projected).toBe(total);
    } finally {
      await runner.stop();
    }
    const { rows: audit } = await db.adminPool.query('select event_id from audit_events');
    const { rows: events } = await db.adminPool.query(`select metadata->>'eventId' as event_id from events`);
    const auditIds = audit.map((r) => r.event_id).sort();
    expect(new Set(auditIds).size).toBe(auditIds.length);
    expect(auditIds).toEqual(events.map((r) => r.event_id).sort());
    // The case queue saw every case event in order (its version check throws on a gap or repeat).
    const { rows: failures } = await db.adminPool.query('select projection, error from projection_failures');
    expect(failures).toEqual([]);
    const { rows: gaps } = await db.adminPool.query(
      `select q.case_id from case_queue q join (select stream_id, max(version) v from events where stream_id like 'case-%' group by stream_id) e
         on e.stream_id = q.stream_id where e.v <> q.version`,
    );
    expect(gaps).toEqual([]);
  }, 120_000);
});
