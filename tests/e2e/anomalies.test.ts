import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import {
  decide,
  foldCase,
  type Actor,
  type CaseCommand,
  type CaseEvent,
  type CaseCommandName,
  type CaseCommandOf,
} from '@casework/domain';
import { PostgresEventStore } from '@casework/event-store';
import { ProjectionRunner, allProjections } from '@casework/read-models';
import { startTestApp, TestApp } from '../support/app';
import { waitUntilInGlobalOrder } from '../support/global-order';
import { nth } from '../support/defined';

jest.setTimeout(120_000);

/*
 * Case histories made by the case decider (decide) from commands, plus the few events only a
 * bypass could write (paying past an approval or a suspension), appended straight to the store,
 * projected, then read over HTTP. All people and enterprises are synthetic.
 */
const XIYI = 'STREET_XIYI';
const actor = (userId: string, role: Actor['role'], unit: string): Actor => ({ userId, role, unit });
const opener = actor('anom-cw-1', 'caseworker', XIYI);
const accepter = actor('anom-cw-2', 'caseworker', XIYI);
const street = actor('anom-st-1', 'street_staff', XIYI);
const reviewer = actor('anom-rev-1', 'reviewer', 'DISTRICT_HRSS');
const approver = actor('anom-app-1', 'approver', 'DISTRICT_HRSS');
const busy = actor('anom-app-busy', 'approver', 'DISTRICT_HRSS');
const finance = actor('anom-fin-1', 'finance', 'FINANCE');
/** ISO instant at the given China-time hour. */
const at = (day: string, hour = 10) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * 3_600_000).toISOString();

const elig = (programme: string, totalFen: number, schedule: unknown) => ({
  programme,
  policyVersion: '2020-xc-v2',
  eligible: true,
  conditions: [
    { id: 'synthetic', description: 'synthetic test case', clause: '(八)', fact: 'x', value: true, passed: true },
  ],
  amount: { totalFen, formula: 'synthetic', inputs: {}, schedule },
});
const ONE_OFF = elig('STARTUP_ONE_OFF', 500_000, { kind: 'one_off', amountFen: 500_000 });
const MONTHLY = elig('UNEMPLOYMENT_SUBSIDY', 6 * 136_000, { kind: 'monthly', months: 6, monthlyFen: 136_000 });

/** A synthetic resident ID number (GB 11643-1999) with its check character. */
function personId(serial: number): string {
  const base = `11010519500101${String(serial).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((s, d, i) => s + Number(d) * nth(w, i), 0);
  return base + '10X98765432'[sum % 11];
}

interface Built {
  caseId: string;
  events: { event: CaseEvent; actor: Actor }[];
}

/** Folds commands through decide(); `raw` events (bypasses) are appended as they are. */
function buildCase(
  programme: string,
  idNumber: string,
  eligibility: ReturnType<typeof elig>,
  steps: ([CaseCommandName, Record<string, unknown>, Actor, string] | CaseEvent)[],
): Built {
  const caseId = randomUUID();
  const events: Built['events'] = [];
  const run = (cmd: CaseCommand) => {
    for (const e of decide(cmd, foldCase(events.map((x) => x.event)))) events.push({ event: e, actor: cmd.actor });
  };
  run({
    type: 'submit',
    actor: opener,
    at: at('2020-10-09'),
    data: {
      caseId,
      programme,
      beneficiary: { kind: 'person', idNumber, name: '【示例】申请人' },
      facts: { 'founder.idNumber': idNumber, 'applicant.idNumber': idNumber },
      period: { from: '2020-10-01', to: '2020-12-31' },
      eligibility,
    },
  } as unknown as CaseCommand);
  for (const s of steps) {
    if (!Array.isArray(s)) {
      events.push({ event: s, actor: (s.data as { by: Actor }).by });
      continue;
    }
    const [type, data, by, when] = s;
    run({ type, data, actor: by, at: when } as unknown as CaseCommandOf<typeof type>);
  }
  return { caseId, events };
}

/** Submitted on 10-09, approved on `approvedAt` by `by`. */
const toApproval = (
  approvedAt: string,
  by: Actor = approver,
): [CaseCommandName, Record<string, unknown>, Actor, string][] => [
  ['accept', {}, accepter, at('2020-10-12')],
  ['passPreliminaryReview', {}, street, at('2020-10-13')],
  ['passDistrictReview', { eligibility: ONE_OFF }, reviewer, at('2020-10-14')],
  ['startPublicNotice', { startsOn: '2020-10-15', workingDays: 5 }, reviewer, at('2020-10-15')],
  ['endPublicNotice', {}, reviewer, at('2020-10-23')],
  ['approve', { clause: '(八)' }, by, approvedAt],
];
const paidOnce = (approvedAt = at('2020-10-26')): [CaseCommandName, Record<string, unknown>, Actor, string][] => [
  ...toApproval(approvedAt),
  ['schedulePayout', { firstDueOn: '2020-11-02' }, finance, at('2020-10-27')],
  ['recordDisbursement', { instalmentNumber: 1, reference: 'BANK-1' }, finance, at('2020-11-02')],
];
const disbursed = (n: number, amountFen: number, day: string): CaseEvent => ({
  type: 'InstalmentDisbursed',
  data: { by: finance, at: at(day), instalmentNumber: n, amountFen, reference: `BYPASS-${n}` },
});

const CLEAN = buildCase('STARTUP_ONE_OFF', personId(10), ONE_OFF, paidOnce());
const DUP_1 = buildCase('STARTUP_ONE_OFF', '11010519491231002X', ONE_OFF, paidOnce());
const DUP_2 = buildCase('STARTUP_ONE_OFF', '11010519491231002X', ONE_OFF, paidOnce(at('2020-10-27')));
const OVER = buildCase('STARTUP_ONE_OFF', personId(11), ONE_OFF, [...paidOnce(), disbursed(1, 500_000, '2020-11-09')]);
const STOPPED = buildCase('UNEMPLOYMENT_SUBSIDY', personId(12), MONTHLY, [
  ...toApproval(at('2020-10-26')).map((s) =>
    s[0] === 'passDistrictReview'
      ? (['passDistrictReview', { eligibility: MONTHLY }, reviewer, s[3]] as typeof s)
      : s[0] === 'approve'
        ? (['approve', { clause: '(十五)2' }, s[2], s[3]] as typeof s) // the approval cites the programme's clause
        : s,
  ),
  ['schedulePayout', { firstDueOn: '2020-11-02' }, finance, at('2020-10-27')],
  ['recordDisbursement', { instalmentNumber: 1, reference: 'BANK-1' }, finance, at('2020-11-02')],
  ['suspend', { reason: 'recipient found work', clause: '(十五)2' }, accepter, at('2020-11-20')],
  disbursed(2, 136_000, '2020-12-01'),
]);
const FAILING = buildCase('STARTUP_ONE_OFF', personId(13), ONE_OFF, [
  ...toApproval(at('2020-10-26')),
  ['schedulePayout', { firstDueOn: '2020-11-02' }, finance, at('2020-10-27')],
  ['recordPaymentFailure', { instalmentNumber: 1, reason: 'account closed' }, finance, at('2020-11-02')],
  ['retryPayment', { instalmentNumber: 1, dueOn: '2020-11-09' }, finance, at('2020-11-03')],
  ['recordPaymentFailure', { instalmentNumber: 1, reason: 'account closed again' }, finance, at('2020-11-09')],
]);
const WRITTEN_OFF = buildCase('STARTUP_ONE_OFF', personId(14), ONE_OFF, [
  ...paidOnce(),
  [
    'openRecovery',
    { amountOwedFen: 500_000, reason: 'business never opened', clause: '(八)' },
    reviewer,
    at('2020-11-10'),
  ],
  ['recordRepayment', { amountFen: 300_000, reference: 'REPAY-1' }, finance, at('2020-11-11')],
  ['requestWriteOff', { reason: 'no income' }, reviewer, at('2020-11-12')],
  ['approveWriteOff', {}, approver, at('2020-11-13')],
]);
const OWING = buildCase('STARTUP_ONE_OFF', personId(15), ONE_OFF, [
  ...paidOnce(),
  [
    'openRecovery',
    { amountOwedFen: 500_000, reason: 'business never opened', clause: '(八)' },
    reviewer,
    at('2020-11-10'),
  ],
  ['recordRepayment', { amountFen: 100_000, reference: 'REPAY-1' }, finance, at('2020-11-11')],
]);
const REOPENED = buildCase('STARTUP_ONE_OFF', personId(16), ONE_OFF, [
  ['accept', {}, accepter, at('2020-10-12')],
  ['reject', { clause: '(八)', reason: 'not in a key group' }, reviewer, at('2020-10-13')],
  ['reopen', { reason: 'new proof of graduation' }, reviewer, at('2020-10-20')],
]);
const AT_NIGHT = buildCase('STARTUP_ONE_OFF', personId(17), ONE_OFF, toApproval(at('2020-10-26', 23)));
const BUSY = [personId(18), personId(19), personId(20)].map((id) =>
  buildCase('STARTUP_ONE_OFF', id, ONE_OFF, toApproval(at('2020-10-28'), busy)),
);
const STALE = buildCase('STARTUP_ONE_OFF', personId(21), ONE_OFF, []);

const CASES = [CLEAN, DUP_1, DUP_2, OVER, STOPPED, FAILING, WRITTEN_OFF, OWING, REOPENED, AT_NIGHT, ...BUSY, STALE];

const staff = actor('anom-street-1', 'street_staff', XIYI);
function household(registeredOn: string, more: [string, string, Record<string, unknown>][]) {
  const householdId = randomUUID();
  const ev = (type: string, day: string, data: Record<string, unknown>) => ({
    type,
    day,
    data: { householdId, ...data, at: at(day) },
  });
  return {
    householdId,
    events: [
      ev('HouseholdRegistered', registeredOn, {
        village: '【示例】村1',
        streetOffice: XIYI,
        address: '【示例】',
        headMemberId: 'm1',
        members: [],
        status: 'not_lifted',
        statusReason: 'synthetic',
        planDueBy: null,
      }),
      ...more.map(([type, day, data]) => ev(type, day, data)),
    ],
  };
}
const visit = (day: string) =>
  [
    'HouseholdVisited',
    day,
    {
      visitId: `v-${day}`,
      date: day,
      visitor: staff.userId,
      findings: 'ok',
      needs: 'none',
      measuresTaken: 'none',
      nextVisitDue: day,
    },
  ] as [string, string, Record<string, unknown>];
const NEVER_VISITED = household('2020-09-01', []);
const ZERO = household('2020-09-01', [
  [
    'ZeroEmploymentDetected',
    '2020-11-02',
    { date: '2020-11-02', labourMemberIds: ['m1'], cause: 'recordMemberLeftWork' },
  ],
  visit('2020-12-20'),
]);
const WELL_KEPT = household('2020-09-01', [visit('2020-12-20')]);

describe('GET /api/inspections/anomalies (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('anomalies_e2e');
    t.clock.set('2020-12-31T04:00:00.000Z');
    let total = 0;
    for (const c of CASES) {
      for (const [i, { event, actor: by }] of c.events.entries()) {
        await t.store.append(`case-${c.caseId}`, [event], i === 0 ? 'no_stream' : i, {
          correlationId: randomUUID(),
          commandId: randomUUID(),
          actor: by,
          policyVersion: '2020-xc-v2',
        });
        total++;
      }
    }
    for (const h of [NEVER_VISITED, ZERO, WELL_KEPT]) {
      for (const [i, e] of h.events.entries()) {
        await t.store.append(
          `household-${h.householdId}`,
          [{ type: e.type, data: e.data }],
          i === 0 ? 'no_stream' : i,
          {
            correlationId: randomUUID(),
            commandId: randomUUID(),
            actor: staff,
            policyVersion: null,
          },
        );
        total++;
      }
    }
    const adminStore = new PostgresEventStore({ pool: t.db.adminPool, schema: t.db.schema });
    await waitUntilInGlobalOrder(adminStore, total);
    const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
    await new ProjectionRunner({
      pool: t.db.adminPool,
      store: adminStore,
      schema: t.db.schema,
      projections: allProjections(),
      logger: quiet,
    }).catchUp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (query: string, user = 'inspector') =>
    fetch(`${t.baseUrl}/api/inspections/anomalies${query}`, {
      headers: { authorization: `Bearer ${await t.login(user)}` },
    });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON answer is untyped on purpose: the expectations below are its check
  const report = async (query = '', user = 'inspector'): Promise<any> => {
    const res = await get(query, user);
    const text = await res.text();
    expect([res.status, text.slice(0, 300)]).toEqual([200, expect.any(String)]);
    return JSON.parse(text);
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON answer is untyped on purpose: the expectations below are its check
  const hitsOf = (r: any, rule: string) => r.hits.filter((h: { rule: string }) => h.rule === rule);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON answer is untyped on purpose: the expectations below are its check
  const involves = (h: any, id: string) =>
    h.subject.id === id ||
    h.evidence.some((e: { caseId?: string; householdId?: string }) => e.caseId === id || e.householdId === id);

  it('finds each designed anomaly with its evidence, and nothing on the clean case and household', async () => {
    const r = await report('?asOf=2020-12-31');
    expect(r.thresholds).toMatchObject({
      failedPayments: 2,
      recoveryWorkingDays: 20,
      decisionsPerDay: 20,
      overdueWorkingDays: 5,
      visitIntervalFactor: 2,
      zeroEmploymentDays: 30,
    });
    expect(r.rules).toHaveLength(12);
    expect(r.rules[0]).toMatchObject({
      code: 'DUPLICATE_BENEFIT',
      titleZh: expect.any(String),
      titleEn: expect.any(String),
      basis: expect.any(String),
      severity: 'high',
    });

    const dup = hitsOf(r, 'DUPLICATE_BENEFIT');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({
      subject: { kind: 'beneficiary', id: '11010519491231002X' },
      figures: { paidCases: 2, disbursedFen: 1_000_000 },
    });
    expect(dup[0].evidence.map((e: { caseId: string }) => e.caseId).sort()).toEqual(
      [DUP_1.caseId, DUP_2.caseId].sort(),
    );
    expect(dup[0].evidence[0]).toMatchObject({
      type: 'InstalmentDisbursed',
      eventId: expect.any(String),
      globalSeq: expect.stringMatching(/^\d+$/),
      amountFen: 500_000,
    });

    expect(
      hitsOf(r, 'DISBURSED_ABOVE_APPROVED').map((h: { subject: { id: string }; onDate: string; figures: object }) => [
        h.subject.id,
        h.onDate,
        h.figures,
      ]),
    ).toEqual([[OVER.caseId, '2020-11-09', { approvedFen: 500_000, disbursedFen: 1_000_000, excessFen: 500_000 }]]);
    const stopped = hitsOf(r, 'DISBURSED_WHILE_STOPPED');
    expect(stopped.map((h: { subject: { id: string } }) => h.subject.id)).toEqual([STOPPED.caseId]);
    expect(stopped[0]).toMatchObject({
      onDate: '2020-12-01',
      unit: XIYI,
      figures: { stoppedAs: 'suspended', amountFen: 136_000 },
    });
    expect(stopped[0].evidence.map((e: { type: string }) => e.type)).toEqual(['CaseSuspended', 'InstalmentDisbursed']);

    expect(
      hitsOf(r, 'REPEATED_PAYMENT_FAILURE').map((h: { subject: { id: string }; figures: object }) => [
        h.subject.id,
        h.figures,
      ]),
    ).toEqual([[FAILING.caseId, { failures: 2, amountFen: 500_000, instalmentNumber: 1 }]]);
    expect(
      hitsOf(r, 'WRITE_OFF').map((h: { subject: { id: string }; onDate: string; figures: object }) => [
        h.subject.id,
        h.onDate,
        h.figures,
      ]),
    ).toEqual([[WRITTEN_OFF.caseId, '2020-11-13', { amountFen: 200_000 }]]);
    const owing = hitsOf(r, 'RECOVERY_OUTSTANDING');
    expect(owing.map((h: { subject: { id: string } }) => h.subject.id)).toEqual([OWING.caseId]);
    expect(owing[0].figures).toMatchObject({ owedFen: 500_000, repaidFen: 100_000, outstandingFen: 400_000 });
    expect(
      hitsOf(r, 'REOPENED_AFTER_REJECTION').map((h: { subject: { id: string }; onDate: string }) => [
        h.subject.id,
        h.onDate,
      ]),
    ).toEqual([[REOPENED.caseId, '2020-10-20']]);
    const night = hitsOf(r, 'OFF_HOURS_DECISION');
    expect(
      night.map((h: { subject: { id: string }; figures: { chinaHour: number } }) => [
        h.subject.id,
        h.figures.chinaHour,
      ]),
    ).toEqual([[AT_NIGHT.caseId, 23]]);
    expect(hitsOf(r, 'DECISION_VOLUME')).toEqual([]);
    expect(hitsOf(r, 'STEP_OVERDUE').map((h: { subject: { id: string } }) => h.subject.id)).toContain(STALE.caseId);
    expect(hitsOf(r, 'HOUSEHOLD_NOT_VISITED').map((h: { subject: { id: string } }) => h.subject.id)).toEqual([
      NEVER_VISITED.householdId,
    ]);
    const zero = hitsOf(r, 'ZERO_EMPLOYMENT_NOT_CLEARED');
    expect(zero.map((h: { subject: { id: string } }) => h.subject.id)).toEqual([ZERO.householdId]);
    expect(zero[0].evidence[0]).toMatchObject({
      type: 'ZeroEmploymentDetected',
      onDate: '2020-11-02',
      globalSeq: expect.stringMatching(/^\d+$/),
    });

    expect(r.hits.filter((h: unknown) => involves(h, CLEAN.caseId) || involves(h, WELL_KEPT.householdId))).toEqual([]);
    expect(r.total).toBe(r.hits.length);
    for (const h of r.hits) expect(h.explanation.length).toBeGreaterThan(20);
  });

  it('applies thresholds, rule, period and unit filters', async () => {
    const volume = await report('?rule=DECISION_VOLUME&decisionsPerDay=2&asOf=2020-12-31');
    expect(volume.rules.map((x: { code: string }) => x.code)).toEqual(['DECISION_VOLUME']);
    expect(volume.thresholds.decisionsPerDay).toBe(2);
    const mine = volume.hits.filter((h: { subject: { id: string } }) => h.subject.id === busy.userId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ onDate: '2020-10-28', figures: { cases: 3, approved: 3 } });
    expect(mine[0].evidence.map((e: { caseId: string }) => e.caseId).sort()).toEqual(BUSY.map((b) => b.caseId).sort());

    const failures = await report('?rule=REPEATED_PAYMENT_FAILURE&failedPayments=3');
    expect(failures.hits).toEqual([]);
    const nov = await report('?from=2020-11-01&to=2020-11-30&asOf=2020-12-31');
    expect(nov.hits.every((h: { onDate: string }) => h.onDate >= '2020-11-01' && h.onDate <= '2020-11-30')).toBe(true);
    expect(hitsOf(nov, 'REOPENED_AFTER_REJECTION')).toEqual([]);
    expect(hitsOf(nov, 'WRITE_OFF')).toHaveLength(1);
    const elsewhere = await report('?unit=STREET_CHANGLEZHONG&asOf=2020-12-31');
    expect(elsewhere.hits).toEqual([]);
  });

  it('exports CSV and XLSX', async () => {
    const csv = await get('?format=csv&rule=WRITE_OFF');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(nth(lines, 0).split(',').slice(0, 4)).toEqual(['rule', '规则', 'severity', 'on_date']);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(WRITTEN_OFF.caseId);

    const xlsx = await get('?format=xlsx', 'approver');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = nth(wb.worksheets, 0);
    expect(sheet.getRow(1).getCell(1).value).toBe('rule');
    expect(sheet.rowCount).toBe(Number(xlsx.headers.get('x-total-count')) + 1);
    expect(nth(wb.worksheets, 1).getColumn(1).values).toContain('DUPLICATE_BENEFIT');
  });

  it('refuses other roles with 403 and bad queries with 400 naming the field', async () => {
    for (const user of ['caseworker', 'reviewer', 'finance', 'street.xiyi']) {
      const res = await get('', user);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(((await res.json()) as { code: string }).code).toBe('ANOMALIES_READ_FORBIDDEN');
    }
    expect((await get('', 'admin')).status).toBe(200);
    const fields = async (q: string) => {
      const res = await get(q);
      expect(res.status).toBe(400);
      return ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    };
    expect(await fields('?rule=NOPE')).toEqual(['rule']);
    expect(await fields('?from=2020-13-01')).toEqual(['from']);
    expect(await fields('?from=2020-11-30&to=2020-11-01')).toEqual(['to']);
    expect(await fields('?format=pdf&decisionsPerDay=0')).toEqual(['decisionsPerDay', 'format']);
    expect(await fields('?colour=red')).toEqual(['colour']);
  });
});
