import type { Pool } from 'pg';
import type { RecordedEvent } from '@casework/event-store';
import { localDateOf } from '@casework/kernel';
import {
  AccountabilityProjection,
  PayoutsLedgerProjection,
  ProjectionRunner,
  readAccountability,
  readPayoutsLedger,
  rebuildProjection,
  syntheticWorkload,
  type PayoutTotals,
} from '@casework/read-models';
import { appendStreams, createProjectionSchema, ProjectionSchema } from './projection-fixture';
import { waitUntilInGlobalOrder } from '../support/global-order';
import {} from '../support/defined';

jest.setTimeout(180_000);
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
// A fresh workload each run; the seed is in the test name so a failure can be replayed.
const SEED = Number(process.env.LEDGER_SEED ?? Math.floor(Math.random() * 1_000_000));

type Key = string;
const keyOf = (programme: string, unit: string, month: string): Key => `${programme}|${unit}|${month}`;
const monthInChina = (instant: string) => localDateOf(instant).slice(0, 7);
const zero = (): PayoutTotals => ({
  plannedFen: 0,
  disbursedFen: 0,
  failedFen: 0,
  recoveryOwedFen: 0,
  repaidFen: 0,
  writtenOffFen: 0,
});

/** The ledger's totals computed straight from the raw events, without the projection's code. */
function expectedTotals(events: RecordedEvent[]): Map<Key, PayoutTotals> {
  const out = new Map<Key, PayoutTotals>();
  const cases = new Map<string, { programme: string; unit: string; amounts: Map<number, number> }>();
  const add = (c: { programme: string; unit: string }, month: string, field: keyof PayoutTotals, fen: number) => {
    const k = keyOf(c.programme, c.unit, month);
    const t = out.get(k) ?? zero();
    t[field] += fen;
    out.set(k, t);
  };
  for (const e of events) {
    if (!e.streamId.startsWith('case-')) continue;
    const d = e.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- event data of every type, read field by field
    if (e.type === 'CaseSubmitted') {
      cases.set(e.streamId, { programme: d.programme, unit: d.unit, amounts: new Map() });
      continue;
    }
    const c = cases.get(e.streamId)!;
    const month = monthInChina(d.at);
    if (e.type === 'PayoutScheduled') {
      for (const i of d.instalments) {
        c.amounts.set(i.number, i.amountFen);
        add(c, i.dueOn.slice(0, 7), 'plannedFen', i.amountFen);
      }
    } else if (e.type === 'InstalmentDisbursed') add(c, month, 'disbursedFen', d.amountFen);
    else if (e.type === 'InstalmentPaymentFailed') add(c, month, 'failedFen', c.amounts.get(d.instalmentNumber)!);
    else if (e.type === 'RecoveryOpened') add(c, month, 'recoveryOwedFen', d.amountOwedFen);
    else if (e.type === 'RepaymentRecorded') add(c, month, 'repaidFen', d.amountFen);
    else if (e.type === 'WriteOffApproved') add(c, month, 'writtenOffFen', d.amountFen);
  }
  return out;
}

const sum = (xs: Iterable<PayoutTotals>): PayoutTotals => {
  const t = zero();
  for (const x of xs) for (const k of Object.keys(t) as (keyof PayoutTotals)[]) t[k] += x[k];
  return t;
};

async function snapshot(pool: Pool, schema: string) {
  const q = async (sql: string) => (await pool.query(sql)).rows;
  return {
    entries: await q(`select * from "${schema}".payout_entries order by entry_id`),
    cases: await q(`select * from "${schema}".payout_cases order by case_id`),
    acc: await q(`select * from "${schema}".accountability_cases order by case_id`),
    steps: await q(`select * from "${schema}".accountability_steps order by case_id, seq`),
    facts: await q(`select * from "${schema}".accountability_facts order by fact_id`),
    households: await q(`select * from "${schema}".accountability_households order by household_id`),
  };
}

describe(`payouts ledger and accountability on a random workload (PostgreSQL, seed ${SEED})`, () => {
  let db: ProjectionSchema;
  let events: RecordedEvent[];
  const projections = () => [new PayoutsLedgerProjection(), new AccountabilityProjection()];

  beforeAll(async () => {
    db = await createProjectionSchema('ledger_rel');
    const total = await appendStreams(db.store, syntheticWorkload(SEED, 300, 40));
    await waitUntilInGlobalOrder(db.store, total);
    await new ProjectionRunner({
      pool: db.adminPool,
      store: db.store,
      schema: db.schema,
      projections: projections(),
      batchSize: 97,
      logger: quiet,
    }).catchUp();
    events = await db.store.readAll({ maxCount: 1_000_000 });
    expect(events.length).toBe(total);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('has per programme, unit and month exactly the sums over the case events', async () => {
    const expected = expectedTotals(events);
    const { rows, total } = await readPayoutsLedger(db.adminPool, db.schema);
    const actual = new Map(
      rows.map((r) => [
        keyOf(r.programme, r.unit, r.month),
        {
          plannedFen: r.plannedFen,
          disbursedFen: r.disbursedFen,
          failedFen: r.failedFen,
          recoveryOwedFen: r.recoveryOwedFen,
          repaidFen: r.repaidFen,
          writtenOffFen: r.writtenOffFen,
        },
      ]),
    );
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
    expect(total).toEqual(sum(expected.values()));
    // The workload must exercise every kind of money movement, or the comparison proves little.
    for (const k of Object.keys(total) as (keyof PayoutTotals)[]) expect([k, total[k] > 0]).toEqual([k, true]);
  });

  it('filters by period and unit to the same sums', async () => {
    const unit = 'STREET_XIYI';
    const expected = [...expectedTotals(events)].filter(([k]) => {
      const [, u = '', month = ''] = k.split('|');
      return u === unit && month >= '2020-08' && month <= '2020-10';
    });
    const { total } = await readPayoutsLedger(db.adminPool, db.schema, { unit, from: '2020-08-01', to: '2020-10-31' });
    expect(total).toEqual(sum(expected.map(([, v]) => v)));
  });

  it('counts received, decided, rejected and objections as the events do', async () => {
    const report = await readAccountability(db.adminPool, db.schema, { asOf: '2021-06-30' });
    const count = (type: string) => events.filter((e) => e.type === type).length;
    const totals = report.byUnit.reduce(
      (s, g) => ({
        received: s.received + g.received,
        approved: s.approved + g.approved,
        rejected: s.rejected + g.rejected,
        objections: s.objections + g.objections,
      }),
      { received: 0, approved: 0, rejected: 0, objections: 0 },
    );
    expect(totals).toEqual({
      received: count('CaseSubmitted'),
      approved: count('CaseApproved'),
      rejected: count('CaseRejected'),
      objections: count('ObjectionRaised'),
    });
    const lead = report.byLeadDepartment.reduce((s, g) => s + g.received, 0);
    expect(lead).toBe(count('CaseSubmitted'));
    const visits = report.byUnit.reduce((s, g) => s + g.householdVisitsDone, 0);
    expect(visits).toBe(count('HouseholdVisited'));
  });

  it('a rebuild from zero equals the live read models', async () => {
    const live = await snapshot(db.adminPool, db.schema);
    expect(live.entries.length).toBeGreaterThan(0);
    for (const projection of projections()) {
      await rebuildProjection({ pool: db.adminPool, store: db.store, schema: db.schema, projection, batchSize: 53 });
    }
    expect(await snapshot(db.adminPool, db.schema)).toEqual(live);
  });
});
