import { randomUUID } from 'node:crypto';
import {
  CASE_EVENT_TYPES,
  HOUSEHOLD_EVENT_TYPES,
  caseDecider,
  type CaseEvent,
  type CaseEventType,
  type HouseholdEventType,
} from '@casework/domain';
import {
  AUDITED_EVENT_TYPES,
  AuditTrailProjection,
  CaseQueueProjection,
  ProjectionRunner,
  syntheticWorkload,
} from '@casework/read-models';
import { appendStreams, createProjectionSchema, ProjectionSchema } from './projection-fixture';

/**
 * Every event type of the case and household deciders reaches the audit trail with its subject,
 * actor, reason and clause. The types come from the domain's run-time lists (CASE_EVENT_TYPES,
 * HOUSEHOLD_EVENT_TYPES, which the compiler keeps equal to the event unions); AUDITED_EVENT_TYPES
 * must name exactly those, with the right subject.
 */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameTypes: Exactly<keyof typeof AUDITED_EVENT_TYPES, CaseEventType | HouseholdEventType> = true;

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('audit trail covers every event type', () => {
  let db: ProjectionSchema;
  beforeAll(async () => {
    db = await createProjectionSchema('audit_types');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('writes one row per event of every type, with subject, actor, reason and clause', async () => {
    expect(_sameTypes).toBe(true);
    const types: (CaseEventType | HouseholdEventType)[] = [...CASE_EVENT_TYPES, ...HOUSEHOLD_EVENT_TYPES];
    expect(CASE_EVENT_TYPES.length).toBeGreaterThanOrEqual(28);
    expect(HOUSEHOLD_EVENT_TYPES.length).toBeGreaterThanOrEqual(16);
    expect(new Set(types).size).toBe(types.length);
    expect(Object.keys(AUDITED_EVENT_TYPES).sort()).toEqual([...types].sort());
    for (const type of CASE_EVENT_TYPES) expect([type, AUDITED_EVENT_TYPES[type]]).toEqual([type, 'case']);
    for (const type of HOUSEHOLD_EVENT_TYPES) expect([type, AUDITED_EVENT_TYPES[type]]).toEqual([type, 'household']);
    const caseId = randomUUID();
    const householdId = randomUUID();
    const actor = { userId: 'u-audit', role: 'reviewer', unit: 'DISTRICT_HRSS' };
    // One event of each type; data carries the fields the audit trail reads (reason, clause).
    for (const type of types) {
      const subject = (CASE_EVENT_TYPES as readonly string[]).includes(type) ? 'case' : 'household';
      const streamId = subject === 'case' ? `case-${caseId}` : `household-${householdId}`;
      await db.store.append(
        streamId,
        [{ type, data: { at: '2020-07-01T02:00:00Z', reason: `why ${type}`, clause: '(七)', householdId } }],
        'any',
        {
          correlationId: randomUUID(),
          actor,
          policyVersion: '2020-xc-v1',
        },
      );
    }
    const runner = new ProjectionRunner({
      pool: db.adminPool,
      store: db.store,
      schema: db.schema,
      projections: [new AuditTrailProjection()],
      logger: quiet,
    });
    for (
      let i = 0;
      i < 500 && (await db.adminPool.query('select count(*)::int n from audit_events')).rows[0].n < types.length;
      i++
    ) {
      await runner.catchUp();
      await new Promise((r) => setTimeout(r, 10));
    }
    const { rows } = await db.adminPool.query('select * from audit_events order by commit, prepare');
    expect(rows.map((r) => r.event_type)).toEqual(types);
    for (const r of rows) {
      const subject = (CASE_EVENT_TYPES as readonly string[]).includes(r.event_type) ? 'case' : 'household';
      expect(r).toMatchObject({
        case_id: subject === 'case' ? caseId : null,
        household_id: householdId,
        actor_user_id: 'u-audit',
        actor_role: 'reviewer',
        actor_unit: 'DISTRICT_HRSS',
        reason: `why ${r.event_type}`,
        clause: '(七)',
        policy_version: '2020-xc-v1',
      });
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect((await runner.status())[0]).toMatchObject({ blocked: false, lagEvents: 0 });
  });

  it('the case queue folds every case event type to the status the domain evolve reaches', async () => {
    // Its own schema: the first test's one-of-each-type stream is not a foldable case.
    const main = db;
    db = await createProjectionSchema('queue_fold');
    try {
      const streams = syntheticWorkload(3, 250, 0).filter((s) => s.streamId.startsWith('case-'));
      await appendStreams(db.store, streams);
      const runner = new ProjectionRunner({
        pool: db.adminPool,
        store: db.store,
        schema: db.schema,
        projections: [new CaseQueueProjection()],
        logger: quiet,
      });
      for (
        let i = 0;
        i < 500 && (await db.adminPool.query('select count(*)::int n from case_queue')).rows[0].n < streams.length + 0;
        i++
      ) {
        await runner.catchUp();
        await new Promise((r) => setTimeout(r, 10));
      }
      await runner.catchUp();
      const { rows } = await db.adminPool.query(`select stream_id, state from case_queue where stream_id = any($1)`, [
        streams.map((s) => s.streamId),
      ]);
      const queue = new Map(rows.map((r) => [r.stream_id, r.state]));
      const seenTypes = new Set<string>();
      for (const s of streams) {
        const state = s.events.reduce(
          (st, e) => caseDecider.evolve(st, { type: e.type, data: e.data } as CaseEvent),
          caseDecider.initialState(),
        );
        s.events.forEach((e) => seenTypes.add(e.type));
        expect([s.streamId, queue.get(s.streamId)]).toEqual([s.streamId, state.status]);
      }
      // The workload exercised (almost) every case event type.
      expect(seenTypes.size).toBeGreaterThanOrEqual(26);
      expect([...seenTypes].filter((t) => !(CASE_EVENT_TYPES as readonly string[]).includes(t))).toEqual([]);
    } finally {
      await db.drop();
      db = main;
    }
  }, 120_000);
});
