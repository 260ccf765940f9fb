import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@casework/event-store';
import { PostgresEventStore } from '@casework/event-store';
import {
  ProjectionRunner,
  allProjections,
  assigneeOf,
  type SyntheticEvent,
  type SyntheticStream,
} from '@casework/read-models';
import { appendStreams } from '../reliability/projection-fixture';
import { startTestApp, TestApp } from '../support/app';
import { waitUntilInGlobalOrder } from '../support/global-order';
import { nth } from '../support/defined';

jest.setTimeout(120_000);

/*
 * A known set of cases and households (synthetic), written as events with their own days, then
 * projected; every figure below is worked out by hand from these events and the 2020 calendar.
 */
const XIYI = 'STREET_XIYI';
const CLZ = 'STREET_CHANGLEZHONG';
const cw = (unit: string): Actor => ({ userId: `cw-${unit}`, role: 'caseworker', unit });
const reviewer: Actor = { userId: 'rev-1', role: 'reviewer', unit: 'DISTRICT_HRSS' };
const approver: Actor = { userId: 'app-1', role: 'approver', unit: 'DISTRICT_HRSS' };
const finance: Actor = { userId: 'fin-1', role: 'finance', unit: 'FINANCE' };
const at = (day: string) => `${day}T02:00:00.000Z`; // 10:00 China time

function caseStream(
  programme: string,
  unit: string,
  steps: [string, Actor, string, Record<string, unknown>][],
): SyntheticStream & { caseId: string } {
  const caseId = randomUUID();
  const openedOn = at(nth(steps, 0)[2]);
  const opener = cw(unit);
  const events: SyntheticEvent[] = [
    {
      type: 'CaseSubmitted',
      actor: opener,
      at: openedOn,
      policyVersion: '2020-xc-v1',
      data: {
        by: opener,
        at: openedOn,
        caseId,
        programme,
        unit,
        policyVersion: '2020-xc-v1',
        facts: {},
        period: { from: '2020-09-01', to: '2020-12-31' },
        beneficiary: { kind: 'person', idNumber: '11010519491231002X', name: '【示例】申请人' },
        eligibility: { programme, policyVersion: '2020-xc-v1', eligible: true, conditions: [], amount: null },
      },
    },
    ...steps.slice(1).map(([type, actor, day, data]) => ({
      type,
      actor,
      at: at(day),
      policyVersion: '2020-xc-v1',
      data: { by: actor, at: at(day), ...data },
    })),
  ];
  return { streamId: `case-${caseId}`, caseId, events };
}

const A = caseStream('UNEMPLOYMENT_SUBSIDY', XIYI, [
  ['CaseSubmitted', cw(XIYI), '2020-11-02', {}],
  ['CaseAccepted', cw(XIYI), '2020-11-04', {}],
  ['PreliminaryReviewPassed', cw(XIYI), '2020-11-05', { opinion: null }],
  ['DistrictReviewPassed', reviewer, '2020-11-10', { opinion: null, policyVersion: '2020-xc-v1', eligibility: {} }],
  [
    'PublicNoticeStarted',
    reviewer,
    '2020-11-10',
    { noticeNumber: 1, startsOn: '2020-11-10', workingDays: 5, endsOn: '2020-11-17' },
  ],
  [
    'ObjectionRaised',
    cw(XIYI),
    '2020-11-11',
    { noticeNumber: 1, objectionNumber: 1, summary: 'a neighbour says the applicant works', objector: null },
  ],
  [
    'ObjectionResolved',
    reviewer,
    '2020-11-12',
    { objectionNumber: 1, outcome: 'dismissed', resolution: 'no employment record', next: null },
  ],
  ['PublicNoticeEnded', reviewer, '2020-11-18', { noticeNumber: 1 }],
  [
    'CaseApproved',
    approver,
    '2020-11-19',
    {
      clause: '(十五)2',
      policyVersion: '2020-xc-v1',
      amountFen: 272_000,
      formula: null,
      schedule: { kind: 'monthly', months: 2, monthlyFen: 136_000 },
      note: null,
    },
  ],
  [
    'PayoutScheduled',
    finance,
    '2020-11-19',
    {
      kind: 'monthly',
      instalments: [
        { number: 1, dueOn: '2020-11-20', amountFen: 136_000 },
        { number: 2, dueOn: '2020-12-21', amountFen: 136_000 },
      ],
    },
  ],
  ['InstalmentDisbursed', finance, '2020-11-20', { instalmentNumber: 1, amountFen: 136_000, reference: 'BANK-1' }],
  ['InstalmentPaymentFailed', finance, '2020-12-21', { instalmentNumber: 2, reason: 'account closed' }],
]);
const B = caseStream('STARTUP_ONE_OFF', XIYI, [
  ['CaseSubmitted', cw(XIYI), '2020-11-10', {}],
  ['CaseAccepted', cw(XIYI), '2020-11-12', {}],
  ['CaseRejected', reviewer, '2020-11-13', { clause: '(八)', reason: 'not in a key group', atStep: 'accepted' }],
]);
const C = caseStream('STARTUP_ONE_OFF', CLZ, [['CaseSubmitted', cw(CLZ), '2020-11-11', {}]]);
const D = caseStream('STARTUP_ONE_OFF', CLZ, [
  ['CaseSubmitted', cw(CLZ), '2020-10-12', {}],
  ['CaseAccepted', cw(CLZ), '2020-10-13', {}],
  ['PreliminaryReviewPassed', cw(CLZ), '2020-10-14', { opinion: null }],
  ['DistrictReviewPassed', reviewer, '2020-10-15', { opinion: null, policyVersion: '2020-xc-v1', eligibility: {} }],
  [
    'PublicNoticeStarted',
    reviewer,
    '2020-10-15',
    { noticeNumber: 1, startsOn: '2020-10-15', workingDays: 5, endsOn: '2020-10-22' },
  ],
  ['PublicNoticeEnded', reviewer, '2020-10-23', { noticeNumber: 1 }],
  [
    'CaseApproved',
    approver,
    '2020-10-26',
    {
      clause: '(八)',
      policyVersion: '2020-xc-v1',
      amountFen: 500_000,
      formula: null,
      schedule: { kind: 'one_off', amountFen: 500_000 },
      note: null,
    },
  ],
  [
    'PayoutScheduled',
    finance,
    '2020-10-26',
    { kind: 'one_off', instalments: [{ number: 1, dueOn: '2020-11-02', amountFen: 500_000 }] },
  ],
  ['InstalmentDisbursed', finance, '2020-11-02', { instalmentNumber: 1, amountFen: 500_000, reference: 'BANK-2' }],
  [
    'RecoveryOpened',
    reviewer,
    '2020-11-12',
    { amountOwedFen: 500_000, reason: 'business never opened', clause: '(八)', stoppedInstalments: [] },
  ],
  ['RepaymentRecorded', finance, '2020-11-13', { amountFen: 300_000, reference: 'REPAY-1' }],
  ['WriteOffRequested', reviewer, '2020-11-16', { amountFen: 200_000, reason: 'no income' }],
  ['WriteOffApproved', approver, '2020-11-17', { amountFen: 200_000, note: null }],
  ['RecoverySettled', reviewer, '2020-11-17', { note: null }],
]);

function household(
  status: string,
  registeredOn: string,
  more: [string, string, Record<string, unknown>][],
): SyntheticStream {
  const householdId = randomUUID();
  const staff: Actor = { userId: 'street-xiyi-1', role: 'street_staff', unit: XIYI };
  const ev = (type: string, day: string, data: Record<string, unknown>): SyntheticEvent => ({
    type,
    actor: staff,
    at: at(day),
    policyVersion: null,
    data: { householdId, ...data, at: at(day) },
  });
  return {
    streamId: `household-${householdId}`,
    events: [
      ev('HouseholdRegistered', registeredOn, {
        village: '【示例】村1',
        streetOffice: XIYI,
        address: '【示例】',
        headMemberId: 'm1',
        members: [],
        status,
        statusReason: 'synthetic',
        planDueBy: null,
      }),
      ...more.map(([type, day, data]) => ev(type, day, data)),
    ],
  };
}
const H1 = household('not_lifted', '2020-10-01', [
  [
    'HouseholdVisited',
    '2020-11-10',
    {
      visitId: '2020-xc-v1',
      date: '2020-11-10',
      visitor: 'street-xiyi-1',
      findings: 'ok',
      needs: 'a job',
      measuresTaken: 'job fair',
      nextVisitDue: '2020-11-25',
    },
  ],
  [
    'RiskFlagRaised',
    '2020-11-11',
    { riskId: 'r1', source: 'visit', visitId: '2020-xc-v1', description: 'medical costs', severity: 'medium' },
  ],
  [
    'ZeroEmploymentDetected',
    '2020-11-12',
    { date: '2020-11-12', labourMemberIds: ['m1'], cause: 'recordMemberLeftWork' },
  ],
]);
const H2 = household('lifted', '2020-08-01', []);

describe('GET /api/reports/accountability, /weekly, /payouts and POST /api/reports/targets (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('reports_e2e');
    t.clock.set('2020-12-31T04:00:00.000Z');
    const total = await appendStreams(t.store, [A, B, C, D, H1, H2]);
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

  const call = async (
    method: string,
    path: string,
    user = 'admin',
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await t.login(user)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON answer is untyped on purpose: the expectations below are its check
  const ok = async (res: Response, status = 200): Promise<any> => {
    const text = await res.text();
    expect([res.status, text.slice(0, 300)]).toEqual([status, expect.any(String)]);
    return JSON.parse(text);
  };
  const fieldsOf = async (res: Response): Promise<string[]> =>
    ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);

  it('enters target figures (admin, district) and refuses other units and bad figures', async () => {
    await ok(
      await call('POST', '/api/reports/targets', 'admin', {
        indicator: 'new_urban_jobs',
        period: '2020-10',
        value: 1200,
      }),
      201,
    );
    await ok(
      await call('POST', '/api/reports/targets', 'reviewer', {
        indicator: 'new_urban_jobs',
        period: '2020-11',
        value: 1300,
      }),
      201,
    );
    const fixed = await ok(
      await call('POST', '/api/reports/targets', 'admin', {
        indicator: 'new_urban_jobs',
        period: '2020-11',
        value: 1350,
        note: 'corrected',
      }),
      201,
    );
    expect(fixed).toMatchObject({
      indicator: 'new_urban_jobs',
      period: '2020-11',
      unit: 'DISTRICT_HRSS',
      value: 1350,
      note: 'corrected',
      enteredRole: 'admin',
    });
    await ok(
      await call('POST', '/api/reports/targets', 'admin', {
        indicator: 'registered_urban_unemployment_rate',
        period: '2020-11',
        value: 3.6,
      }),
      201,
    );

    expect(
      (
        await call('POST', '/api/reports/targets', 'caseworker.xiyi', {
          indicator: 'new_urban_jobs',
          period: '2020-11',
          value: 5,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', '/api/reports/targets', 'inspector', {
          indicator: 'new_urban_jobs',
          period: '2020-11',
          value: 5,
        })
      ).status,
    ).toBe(403);
    const negative = await call('POST', '/api/reports/targets', 'admin', {
      indicator: 'new_urban_jobs',
      period: '2020-11',
      value: -1,
    });
    expect(negative.status).toBe(400);
    expect(await fieldsOf(negative)).toEqual(['value']);
    const badMonth = await call('POST', '/api/reports/targets', 'admin', {
      indicator: 'jobs',
      period: '2020-13',
      value: 1,
      extra: 1,
    });
    expect(badMonth.status).toBe(400);
    expect((await fieldsOf(badMonth)).sort()).toEqual(['extra', 'indicator', 'period']);
    const rate = await call('POST', '/api/reports/targets', 'admin', {
      indicator: 'registered_urban_unemployment_rate',
      period: '2020-11',
      value: 101,
      unit: 'FINANCE',
    });
    expect(rate.status).toBe(400);
    expect((await fieldsOf(rate)).sort()).toEqual(['unit', 'value']);
  });

  it('reports accountability per street office and lead department', async () => {
    const r = await ok(await call('GET', '/api/reports/accountability?asOf=2020-12-31'));
    const xiyi = r.byUnit.find((g: { key: string }) => g.key === XIYI);
    expect(xiyi).toMatchObject({
      received: 2,
      decided: 2,
      approved: 1,
      rejected: 1,
      withdrawn: 0,
      rejectionRate: 0.5,
      objections: 1,
      overdueSteps: 1,
      overdueByHolder: [{ role: 'finance', unit: 'FINANCE', count: 1 }],
      households: 2,
      householdVisitsDone: 1,
      householdVisitsOverdue: 2,
    });
    const times = Object.fromEntries(
      xiyi.steps.map((s: { step: string; completed: number; medianWorkingDays: number; p90WorkingDays: number }) => [
        s.step,
        [s.completed, s.medianWorkingDays, s.p90WorkingDays],
      ]),
    );
    expect(times).toEqual({
      submitted: [2, 2, 2],
      accepted: [2, 1, 1],
      preliminary_review_passed: [1, 3, 3],
      district_review_passed: [1, 0, 0],
      in_public_notice: [1, 6, 6],
      public_notice_ended: [1, 1, 1],
      approved: [1, 0, 0],
    });
    const clz = r.byUnit.find((g: { key: string }) => g.key === CLZ);
    expect(clz).toMatchObject({
      received: 2,
      decided: 1,
      approved: 1,
      rejected: 0,
      rejectionRate: 0,
      objections: 0,
      overdueSteps: 1,
      households: 0,
    });
    const clzTimes = Object.fromEntries(
      clz.steps.map((s: { step: string; medianWorkingDays: number }) => [s.step, s.medianWorkingDays]),
    );
    expect(clzTimes).toEqual({
      submitted: 1,
      accepted: 1,
      preliminary_review_passed: 1,
      district_review_passed: 0,
      in_public_notice: 6,
      public_notice_ended: 1,
      approved: 0,
      in_payout: 13,
      in_recovery: 3,
    });

    const hrss = r.byLeadDepartment.find((g: { key: string }) => g.key === '区人社局');
    expect(hrss).toMatchObject({
      received: 4,
      approved: 2,
      rejected: 1,
      decided: 3,
      objections: 1,
      overdueSteps: 2,
      households: 2,
      householdVisitsOverdue: 2,
    });
    expect(hrss.steps.find((s: { step: string }) => s.step === 'submitted')).toMatchObject({
      completed: 3,
      medianWorkingDays: 2,
      p90WorkingDays: 2,
    });

    const holder = assigneeOf('submitted', CLZ)!;
    expect(r.overdueSteps).toEqual([
      {
        caseId: C.caseId,
        programme: 'STARTUP_ONE_OFF',
        unit: CLZ,
        leadUnit: '区人社局',
        step: 'submitted',
        holderRole: holder.role,
        holderUnit: holder.unit,
        enteredOn: '2020-11-11',
        dueOn: '2020-11-18',
        workingDaysOverdue: 31,
      },
      {
        caseId: A.caseId,
        programme: 'UNEMPLOYMENT_SUBSIDY',
        unit: XIYI,
        leadUnit: '区人社局',
        step: 'in_payout',
        holderRole: 'finance',
        holderUnit: 'FINANCE',
        enteredOn: '2020-11-19',
        dueOn: '2020-12-21',
        workingDaysOverdue: 8,
      },
    ]);

    const jobs = r.targets.find((x: { indicator: string }) => x.indicator === 'new_urban_jobs');
    expect(jobs).toMatchObject({
      unit: 'DISTRICT_HRSS',
      target: 15_360,
      actual: 2550,
      progress: 0.166,
      met: false,
      latestPeriod: '2020-11',
    });
    expect(jobs.figures.map((f: { period: string; value: number }) => [f.period, f.value])).toEqual([
      ['2020-10', 1200],
      ['2020-11', 1350],
    ]);
    expect(
      r.targets.find((x: { indicator: string }) => x.indicator === 'registered_urban_unemployment_rate'),
    ).toMatchObject({ target: 4, actual: 3.6, met: true });
  });

  it('filters accountability by period and unit, and keeps street offices to their own figures', async () => {
    const r = await ok(
      await call('GET', '/api/reports/accountability?from=2020-11-09&to=2020-11-15&unit=STREET_XIYI&asOf=2020-11-15'),
    );
    expect(r.byUnit.map((g: { key: string }) => g.key)).toEqual([XIYI]);
    expect(r.byUnit[0]).toMatchObject({
      received: 1,
      rejected: 1,
      approved: 0,
      rejectionRate: 1,
      objections: 1,
      householdVisitsDone: 1,
      householdVisitsOverdue: 1,
      overdueSteps: 0,
    });
    expect(
      Object.fromEntries(r.byUnit[0].steps.map((s: { step: string; completed: number }) => [s.step, s.completed])),
    ).toEqual({ submitted: 1, accepted: 1, preliminary_review_passed: 1, district_review_passed: 1 });

    const own = await ok(await call('GET', '/api/reports/accountability?asOf=2020-12-31', 'caseworker.xiyi'));
    expect(own.byUnit.map((g: { key: string }) => g.key)).toEqual([XIYI]);
    expect((await call('GET', '/api/reports/accountability?unit=STREET_CHANGLEZHONG', 'caseworker.xiyi')).status).toBe(
      403,
    );
    const bad = await call('GET', '/api/reports/accountability?from=2020-11-31&to=2020-11-01&colour=red');
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(['colour']);
    const reversed = await call('GET', '/api/reports/accountability?from=2020-11-20&to=2020-11-01');
    expect(await fieldsOf(reversed)).toEqual(['to']);
  });

  it('serves the payouts ledger per programme, unit and month in fen', async () => {
    const r = await ok(await call('GET', '/api/reports/payouts'));
    const row = (programme: string, unit: string, month: string) =>
      r.rows.find(
        (x: { programme: string; unit: string; month: string }) =>
          x.programme === programme && x.unit === unit && x.month === month,
      );
    expect(row('UNEMPLOYMENT_SUBSIDY', XIYI, '2020-11')).toMatchObject({
      plannedFen: 136_000,
      disbursedFen: 136_000,
      failedFen: 0,
    });
    expect(row('UNEMPLOYMENT_SUBSIDY', XIYI, '2020-12')).toMatchObject({
      plannedFen: 136_000,
      disbursedFen: 0,
      failedFen: 136_000,
    });
    expect(row('STARTUP_ONE_OFF', CLZ, '2020-11')).toMatchObject({
      plannedFen: 500_000,
      disbursedFen: 500_000,
      recoveryOwedFen: 500_000,
      repaidFen: 300_000,
      writtenOffFen: 200_000,
      leadUnit: '区人社局',
    });
    expect(r.total).toEqual({
      plannedFen: 772_000,
      disbursedFen: 636_000,
      failedFen: 136_000,
      recoveryOwedFen: 500_000,
      repaidFen: 300_000,
      writtenOffFen: 200_000,
    });
  });

  it('gives the weekly report as JSON', async () => {
    const r = await ok(await call('GET', '/api/reports/weekly?week=2020-W46'));
    expect(r).toMatchObject({ week: '2020-W46', from: '2020-11-09', to: '2020-11-15', asOf: '2020-11-15' });
    const rows = Object.fromEntries(
      r.cases.map((c: { programme: string; unit: string }) => [`${c.programme}|${c.unit}`, c]),
    );
    expect(Object.keys(rows).sort()).toEqual([`STARTUP_ONE_OFF|${CLZ}`, `STARTUP_ONE_OFF|${XIYI}`]);
    expect(rows[`STARTUP_ONE_OFF|${XIYI}`]).toMatchObject({
      programmeNameZh: '一次性创业补贴',
      received: 1,
      rejected: 1,
      decided: 1,
      approved: 0,
      paid: 0,
    });
    expect(rows[`STARTUP_ONE_OFF|${CLZ}`]).toMatchObject({
      received: 1,
      recoveryOwedFen: 500_000,
      repaidFen: 300_000,
      writtenOffFen: 0,
    });
    expect(r.caseTotals).toEqual({
      received: 2,
      approved: 0,
      rejected: 1,
      decided: 1,
      paid: 0,
      plannedFen: 0,
      disbursedFen: 0,
      failedFen: 0,
      recoveryOwedFen: 500_000,
      repaidFen: 300_000,
      writtenOffFen: 0,
    });
    expect(r.households).toEqual([
      {
        streetOffice: XIYI,
        households: 2,
        visitsDone: 1,
        visitsOverdue: 1,
        risksRaised: 1,
        risksEliminated: 0,
        zeroEmploymentDetected: 1,
        zeroEmploymentCleared: 0,
        placements: 0,
        zeroEmploymentNow: 1,
      },
    ]);
    expect(r.targets.find((x: { indicator: string }) => x.indicator === 'new_urban_jobs')).toMatchObject({
      actual: 2550,
    });

    const w47 = await ok(await call('GET', '/api/reports/weekly?week=2020-W47'));
    expect(w47.caseTotals).toMatchObject({
      received: 0,
      approved: 1,
      paid: 1,
      plannedFen: 136_000,
      disbursedFen: 136_000,
      writtenOffFen: 200_000,
    });
  });

  it('gives the weekly report as an XLSX workbook in Chinese, amounts in yuan', async () => {
    for (const [query, headers] of [
      ['&format=xlsx', {}],
      ['', { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }],
    ] as const) {
      const res = await call('GET', `/api/reports/weekly?week=2020-W46${query}`, 'admin', undefined, headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '案件与资金', '入户走访', '目标进度']);

      const summary = wb.getWorksheet('概况')!;
      const value = (label: string) => {
        let found: unknown;
        summary.eachRow((row) => {
          if (row.getCell(1).value === label) found = row.getCell(2).value;
        });
        return found;
      };
      expect(summary.getCell('A1').value).toBe('新城区稳就业工作周报（2020-W46）');
      expect([
        value('受理案件数'),
        value('不予批准数'),
        value('应追回金额（元）'),
        value('已追回金额（元）'),
        value('入户走访次数'),
        value('走访逾期户数'),
      ]).toEqual([2, 1, 5000, 3000, 1, 1]);

      const cases = wb.getWorksheet('案件与资金')!;
      expect(cases.getRow(1).getCell(1).value).toBe('项目代码');
      expect(cases.getRow(1).getCell(12).value).toBe('应追回（元）');
      const rows = cases.getSheetValues().slice(2) as unknown[][];
      const xiyi = rows.find((r) => r[1] === 'STARTUP_ONE_OFF' && r[3] === '西一路街道办事处')!;
      expect(xiyi.slice(1, 9)).toEqual(['STARTUP_ONE_OFF', '一次性创业补贴', '西一路街道办事处', 1, 0, 1, 1, 0]);
      const total = rows.find((r) => r[1] === '合计')!;
      expect(total.slice(4)).toEqual([2, 0, 1, 1, 0, 0, 0, 0, 5000, 3000, 0]);
      expect(cases.getRow(rows.length + 1).getCell(12).numFmt).toBe('#,##0.00');

      const hh = wb.getWorksheet('入户走访')!;
      expect((hh.getSheetValues()[2] as unknown[]).slice(1)).toEqual(['西一路街道办事处', 2, 1, 1, 1, 0, 1, 0, 0, 1]);
      const targets = wb.getWorksheet('目标进度')!;
      const jobs = (targets.getSheetValues() as unknown[][]).find((r) => r?.[1] === '城镇新增就业')!;
      expect(jobs.slice(1, 7)).toEqual(['城镇新增就业', '(五)', '新城区人力资源和社会保障局', 2020, 15360, 2550]);
    }
  });

  it('rejects a week that is not an ISO week, naming week', async () => {
    for (const q of ['week=2020-W54', 'week=2020-46', '', 'week=2020-W00']) {
      const res = await call('GET', `/api/reports/weekly?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
      expect(await fieldsOf(res)).toEqual(['week']);
    }
    const fmt = await call('GET', '/api/reports/weekly?week=2020-W46&format=pdf');
    expect(await fieldsOf(fmt)).toEqual(['format']);
  });
});
