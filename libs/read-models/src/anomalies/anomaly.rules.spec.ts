import {
  detectDecisionVolume,
  detectDisbursedAboveApproved,
  detectDisbursedWhileStopped,
  detectDuplicateBenefit,
  detectHouseholdsNotVisited,
  detectOffHoursDecisions,
  detectOverdueSteps,
  detectRecoveryOutstanding,
  detectRepeatedPaymentFailure,
  detectReopenedAfterRejection,
  detectWriteOffs,
  detectZeroEmploymentNotCleared,
  type BeneficiaryCase,
  type CaseTrailEvent,
  type Decision,
  type MoneyEntry,
} from './anomaly.rules';
import { DEFAULT_ANOMALY_THRESHOLDS as T } from './anomaly.types';
import { nextAnomalyCase } from './anomaly-cases.projection';

const PERSON = '11010519491231002X';
let seq = 0;
const money = (caseId: string, onDate: string, amountFen: number, instalmentNumber: number | null = 1): MoneyEntry => ({
  caseId,
  unit: 'STREET_XIYI',
  eventId: `e${++seq}`,
  globalSeq: String(seq),
  onDate,
  amountFen,
  instalmentNumber,
});
const paid = (
  caseId: string,
  programme: string,
  disbursements: MoneyEntry[],
  key = PERSON,
  periodKey = '2020',
): BeneficiaryCase => ({
  caseId,
  programme,
  unit: 'STREET_XIYI',
  beneficiaryKey: key,
  beneficiaryName: '【示例】',
  periodKey,
  disbursements,
});
let version = 0;
const ev = (caseId: string, type: string, occurredAt: string, extra: Partial<Decision> = {}): Decision => ({
  caseId,
  unit: 'STREET_XIYI',
  eventId: `t${++seq}`,
  globalSeq: String(seq),
  streamVersion: ++version,
  type,
  occurredAt,
  amountFen: null,
  instalmentNumber: null,
  actorUserId: 'u-app',
  actorRole: 'approver',
  actorUnit: 'DISTRICT_HRSS',
  ...extra,
});

describe('DUPLICATE_BENEFIT', () => {
  it('flags a once-per-person programme paid in two cases, and not one paid once', () => {
    const hits = detectDuplicateBenefit([
      paid('c1', 'STARTUP_ONE_OFF', [money('c1', '2020-11-02', 500_000)]),
      paid('c2', 'STARTUP_ONE_OFF', [money('c2', '2020-11-20', 500_000)]),
      paid('c3', 'STARTUP_ONE_OFF', [money('c3', '2020-11-20', 500_000)], '110105194912310021'),
    ]);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      subject: { kind: 'beneficiary', id: PERSON },
      onDate: '2020-11-20',
      figures: { slots: 1, paidCases: 2, disbursedFen: 1_000_000 },
    });
    expect(hits[0]?.evidence.map((e) => e.caseId)).toEqual(['c1', 'c2']);
  });

  it('flags the two social-insurance subsidies of one exclusive group in the same year only', () => {
    const sameYear = detectDuplicateBenefit([
      paid('a', 'SOCIAL_INSURANCE_EMPLOYER', [money('a', '2020-10-01', 50_000)]),
      paid('b', 'SOCIAL_INSURANCE_FLEXIBLE', [money('b', '2020-10-02', 50_000)]),
    ]);
    // The read model keeps the year only, so the year stands for the period: one hit, on its first month.
    expect(sameYear.map((h) => h.figures.reservationKey)).toEqual([`group:SOCIAL_INSURANCE_SUBSIDY:${PERSON}:2020-01`]);
    const otherYears = detectDuplicateBenefit([
      paid('a', 'SOCIAL_INSURANCE_EMPLOYER', [money('a', '2020-10-01', 50_000)], PERSON, '2020'),
      paid('b', 'SOCIAL_INSURANCE_FLEXIBLE', [money('b', '2021-10-02', 50_000)], PERSON, '2021'),
    ]);
    expect(otherYears).toEqual([]);
  });

  it('allows up to the slots of a limited programme and ignores cases never paid or of unknown programmes', () => {
    const loans = ['l1', 'l2', 'l3'].map((id) => paid(id, 'STARTUP_LOAN_INTEREST', [money(id, '2020-10-01', 1000)]));
    expect(detectDuplicateBenefit(loans)).toEqual([]);
    expect(
      detectDuplicateBenefit([...loans, paid('l4', 'STARTUP_LOAN_INTEREST', [money('l4', '2020-12-01', 1000)])]),
    ).toHaveLength(1);
    expect(
      detectDuplicateBenefit([
        paid('x', 'STARTUP_ONE_OFF', [money('x', '2020-10-01', 1)]),
        paid('y', 'STARTUP_ONE_OFF', []),
      ]),
    ).toEqual([]);
    expect(
      detectDuplicateBenefit([
        paid('x', 'NO_SUCH', [money('x', '2020-10-01', 1)]),
        paid('y', 'NO_SUCH', [money('y', '2020-10-01', 1)]),
      ]),
    ).toEqual([]);
  });
});

describe('DISBURSED_ABOVE_APPROVED', () => {
  it('flags the disbursement that crosses the approved amount, and money paid with no approval', () => {
    const c = {
      caseId: 'c',
      unit: 'U',
      approvedFen: 272_000,
      approvedEventId: 'ap',
      disbursements: [
        money('c', '2020-11-20', 136_000),
        money('c', '2020-12-21', 136_000),
        money('c', '2021-01-20', 136_000),
      ],
    };
    const [h] = detectDisbursedAboveApproved([c]);
    expect(h).toMatchObject({
      onDate: '2021-01-20',
      figures: { approvedFen: 272_000, disbursedFen: 408_000, excessFen: 136_000 },
    });
    expect(h?.evidence[0]).toMatchObject({ eventId: 'ap', type: 'CaseApproved' });
    expect(detectDisbursedAboveApproved([{ ...c, disbursements: c.disbursements.slice(0, 2) }])).toEqual([]);
    expect(detectDisbursedAboveApproved([{ ...c, approvedFen: null, approvedEventId: null }])[0]?.explanation).toMatch(
      /never approved/,
    );
  });
});

describe('DISBURSED_WHILE_STOPPED and REOPENED_AFTER_REJECTION', () => {
  it('flags a disbursement after suspension, not after resumption', () => {
    const trail: CaseTrailEvent[] = [
      ev('c', 'InstalmentDisbursed', '2020-11-02T02:00:00Z', { amountFen: 100, instalmentNumber: 1 }),
      ev('c', 'CaseSuspended', '2020-11-10T02:00:00Z'),
      ev('c', 'InstalmentDisbursed', '2020-12-02T02:00:00Z', { amountFen: 100, instalmentNumber: 2 }),
      ev('c', 'CaseResumed', '2020-12-10T02:00:00Z'),
      ev('c', 'InstalmentDisbursed', '2021-01-04T02:00:00Z', { amountFen: 100, instalmentNumber: 3 }),
    ];
    const hits = detectDisbursedWhileStopped(trail);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ onDate: '2020-12-02', figures: { stoppedAs: 'suspended', amountFen: 100 } });
    expect(hits[0]?.evidence.map((e) => e.type)).toEqual(['CaseSuspended', 'InstalmentDisbursed']);
  });

  it('flags a reopening after rejection but not after closing', () => {
    const rejected = [ev('r', 'CaseRejected', '2020-11-02T02:00:00Z'), ev('r', 'CaseReopened', '2020-11-09T02:00:00Z')];
    const closed = [ev('k', 'CaseClosed', '2020-11-02T02:00:00Z'), ev('k', 'CaseReopened', '2020-11-09T02:00:00Z')];
    const hits = detectReopenedAfterRejection([...rejected, ...closed]);
    expect(hits.map((h) => [h.subject.id, h.onDate, h.figures.daysAfterRejection])).toEqual([['r', '2020-11-09', 7]]);
  });
});

describe('payment failures, write-offs and recoveries', () => {
  it('flags an instalment that failed twice, not two instalments that failed once each', () => {
    const hits = detectRepeatedPaymentFailure(
      [money('c', '2020-11-01', 100, 1), money('c', '2020-12-01', 100, 2), money('c', '2020-12-05', 100, 1)],
      T,
    );
    expect(hits.map((h) => [h.figures.instalmentNumber, h.figures.failures, h.onDate])).toEqual([[1, 2, '2020-12-05']]);
    expect(
      detectRepeatedPaymentFailure([money('c', '2020-11-01', 100, 1), money('c', '2020-12-01', 100, 2)], T),
    ).toEqual([]);
  });

  it('lists every write-off', () => {
    expect(detectWriteOffs([money('c', '2020-11-17', 200_000, null)])).toMatchObject([
      { rule: 'WRITE_OFF', severity: 'low', figures: { amountFen: 200_000 } },
    ]);
  });

  it('flags money owed longer than the working-day limit, counting the holiday calendar', () => {
    const opened = money('c', '2020-09-28', 500_000, null);
    const r = { caseId: 'c', unit: 'U', opened, owedFen: 500_000, repaidFen: 100_000, writtenOffFen: 0 };
    // 2020-09-28 + 20 working days, across the National Day holiday (10-01..10-08) and 调休 on 09-27/10-10.
    expect(detectRecoveryOutstanding([r], '2020-11-02', T)).toEqual([]);
    const [h] = detectRecoveryOutstanding([r], '2020-11-03', T);
    expect(h).toMatchObject({ figures: { outstandingFen: 400_000, workingDaysOpen: 21 }, onDate: '2020-11-03' });
    expect(detectRecoveryOutstanding([{ ...r, repaidFen: 300_000, writtenOffFen: 200_000 }], '2021-06-01', T)).toEqual(
      [],
    );
  });
});

describe('decisions', () => {
  it('flags decisions on a holiday, on a Sunday or at night, and not on an adjusted working Sunday by day', () => {
    const d = (at: string) => ev(at, 'CaseApproved', at);
    const hits = detectOffHoursDecisions(
      [
        d('2020-10-01T02:00:00Z'),
        d('2020-11-15T02:00:00Z'),
        d('2020-11-16T14:30:00Z'),
        d('2020-11-16T02:00:00Z'),
        d('2020-09-27T02:00:00Z'),
        d('2020-11-16T22:59:00Z'),
      ],
      T,
    );
    // 2020-09-27 is a Sunday worked in exchange (调休); 22:59Z is 06:59 China time, still night.
    expect(hits.map((h) => h.subject.id)).toEqual([
      '2020-10-01T02:00:00Z',
      '2020-11-15T02:00:00Z',
      '2020-11-16T14:30:00Z',
      '2020-11-16T22:59:00Z',
    ]);
    expect(hits[2]?.figures).toMatchObject({ chinaHour: 22, workingDay: 'yes' });
  });

  it('flags a user deciding more cases in a China day than the threshold', () => {
    const many = Array.from({ length: 4 }, (_, i) =>
      ev(`c${i}`, i === 3 ? 'CaseRejected' : 'CaseApproved', '2020-11-16T15:30:00Z'),
    );
    const nextDay = ev('c9', 'CaseApproved', '2020-11-16T16:30:00Z'); // 00:30 on the 17th in China
    const hits = detectDecisionVolume([...many, nextDay], { decisionsPerDay: 3 });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      subject: { kind: 'user', id: 'u-app' },
      onDate: '2020-11-16',
      figures: { cases: 4, approved: 3, rejected: 1 },
    });
    expect(detectDecisionVolume(many, { decisionsPerDay: 4 })).toEqual([]);
  });
});

describe('queues and households', () => {
  it('flags steps overdue by more than the working-day threshold', () => {
    const q = {
      caseId: 'c',
      unit: 'U',
      state: 'submitted',
      assigneeRole: 'caseworker',
      assigneeUnit: 'U',
      stateSince: '2020-11-11T02:00:00Z',
      dueOn: '2020-11-18',
      version: 1,
    };
    expect(detectOverdueSteps([q], '2020-11-25', T)).toEqual([]);
    expect(detectOverdueSteps([q], '2020-11-26', T)).toMatchObject([
      { onDate: '2020-11-26', figures: { workingDaysOverdue: 6 } },
    ]);
  });

  it('flags households not visited for twice their interval', () => {
    const h = {
      householdId: 'h',
      streetOffice: 'S',
      village: 'V',
      status: 'not_lifted',
      registeredOn: '2020-08-01',
      lastVisitOn: '2020-10-01',
    };
    expect(detectHouseholdsNotVisited([h], '2020-11-30', T)).toEqual([]);
    expect(detectHouseholdsNotVisited([h], '2020-12-01', T)).toMatchObject([
      { onDate: '2020-12-01', figures: { daysWithoutVisit: 61, limitDays: 60 } },
    ]);
    expect(detectHouseholdsNotVisited([{ ...h, status: 'lifted' }], '2020-12-01', T)).toEqual([]);
    expect(detectHouseholdsNotVisited([{ ...h, lastVisitOn: null }], '2020-10-01', T)[0]?.explanation).toMatch(
      /never visited/,
    );
  });

  it('flags zero-employment households waiting longer than the threshold', () => {
    const z = {
      householdId: 'h',
      streetOffice: 'S',
      village: 'V',
      detectedEventId: 'z1',
      detectedSeq: '9',
      detectedAt: '2020-11-12T02:00:00Z',
    };
    expect(detectZeroEmploymentNotCleared([z], '2020-12-12', T)).toEqual([]);
    expect(detectZeroEmploymentNotCleared([z], '2020-12-13', T)).toMatchObject([
      { onDate: '2020-12-13', evidence: [{ eventId: 'z1', globalSeq: '9' }] },
    ]);
  });
});

describe('anomaly-cases fold', () => {
  it('falls back to the applicant when the programme names no beneficiary fact, and keeps the latest approval', () => {
    const submitted = (programme: string, facts: Record<string, unknown>) =>
      ({
        type: 'CaseSubmitted',
        data: {
          programme,
          policyVersion: '2020-xc-v2',
          facts,
          unit: 'U',
          period: { from: '2020-09-01', to: '2020-12-31' },
          beneficiary: { kind: 'enterprise', creditCode: '91350100m000100y43', name: 'E' },
        },
      }) as never;
    const row = nextAnomalyCase(undefined, 'c', submitted('UNKNOWN', {}), 'e1', 1)!;
    expect(row).toMatchObject({ beneficiaryKey: '91350100M000100Y43', periodKey: '2020', approvedFen: null });
    const approved = nextAnomalyCase(
      row,
      'c',
      { type: 'CaseApproved', data: { amountFen: 100_000 } } as never,
      'e2',
      2,
    )!;
    expect(approved).toMatchObject({ approvedFen: 100_000, approvedEventId: 'e2', version: 2 });
    expect(nextAnomalyCase(undefined, 'c', { type: 'CaseAccepted', data: {} } as never, 'e3', 2)).toBeUndefined();
  });
});
