import type { Actor as StoreActor } from '@casework/event-store';
import { localDateOf } from '@casework/kernel';
import { listProgrammes } from '@casework/policy';

/**
 * Synthetic, well-formed case and household histories for the reliability tests and the
 * projection benchmark. Deterministic for a seed; each stream stops at a random step so every
 * state is represented. Not used by the application.
 */
export interface SyntheticEvent {
  type: string;
  data: Record<string, unknown>;
  actor: StoreActor;
  at: string;
  policyVersion: string | null;
}

export interface SyntheticStream {
  streamId: string;
  events: SyntheticEvent[];
}

/** mulberry32: a small seeded generator (tests must be repeatable). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticUuid(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const STREETS = [
  'STREET_XIYI',
  'STREET_CHANGLEZHONG',
  'STREET_ZHONGSHANMEN',
  'STREET_HANSENZHAI',
  'STREET_JIEFANGMEN',
  'STREET_ZIQIANG',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰'];
const POLICY = '2020-xc-v1';
const PROGRAMMES = listProgrammes(POLICY).map((p) => p.code);

const pick = <T>(rnd: () => number, xs: readonly T[]): T => {
  const x = xs[Math.floor(rnd() * xs.length)];
  if (x === undefined) throw new Error('synthetic workload: pick from an empty list');
  return x;
};
const iso = (ms: number) => new Date(ms).toISOString();
/** The China date of an instant given in milliseconds. */
const day = (ms: number) => localDateOf(iso(ms));
const DAY = 86_400_000;

const eligibility = (programme: string) => ({
  programme,
  policyVersion: POLICY,
  eligible: true,
  conditions: [{ id: 'registered_unemployed', value: true, met: true, clause: '(七)' }],
  amount: { totalFen: 150_000, formula: '500 × 3', schedule: { kind: 'monthly', months: 3, monthlyFen: 50_000 } },
});

/** One case from submission to a random stopping point, with plausible side paths. */
export function syntheticCase(rnd: () => number, startMs: number): SyntheticStream {
  const caseId = syntheticUuid(rnd);
  const unit = pick(rnd, STREETS);
  const programme = pick(rnd, PROGRAMMES);
  const u = (role: string, unitCode: string): StoreActor => ({
    userId: `${role}-${unitCode.toLowerCase()}-${1 + Math.floor(rnd() * 3)}`,
    role,
    unit: unitCode,
  });
  const opener = u('caseworker', unit);
  const other = { ...u('caseworker', unit), userId: `${unit.toLowerCase()}-staff-9` };
  const reviewer = u('reviewer', 'DISTRICT_HRSS');
  const approver = u('approver', 'DISTRICT_HRSS');
  const finance = u('finance', 'FINANCE');
  let t = startMs;
  const events: SyntheticEvent[] = [];
  const push = (type: string, actor: StoreActor, data: Record<string, unknown>, gapDays = 1 + rnd() * 3) => {
    t += Math.round(gapDays * DAY);
    const at = iso(t);
    events.push({ type, actor, at, policyVersion: POLICY, data: { ...data, by: actor, at } });
  };
  const stopAt = rnd() < 0.15 ? 1 + Math.floor(rnd() * 12) : 99;
  const more = () => events.length < stopAt;
  const name = pick(rnd, SURNAMES) + pick(rnd, GIVEN) + pick(rnd, GIVEN);
  push(
    'CaseSubmitted',
    opener,
    {
      caseId,
      programme,
      beneficiary: { kind: 'person', idNumber: '610102199001011234', name },
      facts: { registeredUnemployed: true, months: 3 },
      period: { from: day(t), to: day(t + 90 * DAY) },
      policyVersion: POLICY,
      eligibility: eligibility(programme),
      unit,
    },
    0,
  );
  if (!more()) return { streamId: `case-${caseId}`, events };
  if (rnd() < 0.1) {
    push('CaseWithdrawn', opener, { reason: 'applicant withdrew the application' });
    return { streamId: `case-${caseId}`, events };
  }
  if (rnd() < 0.2) {
    push('CaseReturnedForSupplement', opener, { reason: 'labour contract copy missing' });
    if (!more()) return { streamId: `case-${caseId}`, events };
    push('CaseResubmitted', opener, {
      facts: { registeredUnemployed: true, months: 3, contract: true },
      policyVersion: POLICY,
      eligibility: eligibility(programme),
      note: null,
    });
    if (!more()) return { streamId: `case-${caseId}`, events };
  }
  push('CaseAccepted', opener, {});
  if (!more()) return { streamId: `case-${caseId}`, events };
  push('PreliminaryReviewPassed', other, { opinion: 'facts checked against the register' });
  if (!more()) return { streamId: `case-${caseId}`, events };
  if (rnd() < 0.08) {
    push('CaseRejected', reviewer, {
      clause: '(七)',
      reason: 'contract shorter than one year',
      atStep: 'preliminary_review_passed',
    });
    return { streamId: `case-${caseId}`, events };
  }
  push('DistrictReviewPassed', reviewer, { opinion: null, policyVersion: POLICY, eligibility: eligibility(programme) });
  if (!more()) return { streamId: `case-${caseId}`, events };
  const startsOn = day(t + DAY);
  push('PublicNoticeStarted', reviewer, { noticeNumber: 1, startsOn, workingDays: 5, endsOn: day(t + 8 * DAY) });
  if (!more()) return { streamId: `case-${caseId}`, events };
  if (rnd() < 0.1) {
    push('ObjectionRaised', other, {
      noticeNumber: 1,
      objectionNumber: 1,
      summary: 'neighbour says the applicant works',
      objector: null,
    });
    if (!more()) return { streamId: `case-${caseId}`, events };
    push('ObjectionResolved', reviewer, {
      objectionNumber: 1,
      outcome: 'dismissed',
      resolution: 'employment record checked: none',
      next: null,
    });
    if (!more()) return { streamId: `case-${caseId}`, events };
  }
  push('PublicNoticeEnded', reviewer, { noticeNumber: 1 }, 7);
  if (!more()) return { streamId: `case-${caseId}`, events };
  const months = 3;
  push('CaseApproved', approver, {
    clause: '(七)',
    policyVersion: POLICY,
    amountFen: 150_000,
    formula: '500 × 3',
    schedule: { kind: 'monthly', months, monthlyFen: 50_000 },
    note: null,
  });
  if (!more()) return { streamId: `case-${caseId}`, events };
  const instalments = Array.from({ length: months }, (_, i) => ({
    number: i + 1,
    dueOn: day(t + (i + 1) * 30 * DAY),
    amountFen: 50_000,
  }));
  push('PayoutScheduled', finance, { kind: 'monthly', instalments });
  if (!more()) return { streamId: `case-${caseId}`, events };
  for (const i of instalments) {
    if (rnd() < 0.1) {
      push('InstalmentPaymentFailed', finance, { instalmentNumber: i.number, reason: 'bank account closed' });
      if (!more()) return { streamId: `case-${caseId}`, events };
      push('InstalmentPaymentRetried', finance, { instalmentNumber: i.number, dueOn: day(t + 5 * DAY) });
      if (!more()) return { streamId: `case-${caseId}`, events };
    }
    if (i.number === 2 && rnd() < 0.1) {
      push('CaseSuspended', opener, { reason: 'recipient found work', clause: null, stoppedInstalments: [2, 3] });
      if (!more()) return { streamId: `case-${caseId}`, events };
      push('CaseResumed', opener, { reason: 'job ended within a week', resumedInstalments: [2, 3] });
      if (!more()) return { streamId: `case-${caseId}`, events };
    }
    push(
      'InstalmentDisbursed',
      finance,
      { instalmentNumber: i.number, amountFen: i.amountFen, reference: `PAY-${caseId.slice(0, 8)}-${i.number}` },
      30,
    );
    if (!more()) return { streamId: `case-${caseId}`, events };
  }
  push('FollowUpScheduled', opener, {
    followUpNumber: 1,
    purpose: 'is the contract still in force',
    dueOn: day(t + 180 * DAY),
  });
  if (!more()) return { streamId: `case-${caseId}`, events };
  push('FollowUpRecorded', other, { followUpNumber: 1, finding: 'contract in force', contractInForce: true }, 60);
  if (!more()) return { streamId: `case-${caseId}`, events };
  if (rnd() < 0.05) {
    push('RecoveryOpened', reviewer, {
      amountOwedFen: 50_000,
      reason: 'paid while employed elsewhere',
      clause: '(七)',
      stoppedInstalments: [],
    });
    if (!more()) return { streamId: `case-${caseId}`, events };
    push('RepaymentRecorded', finance, { amountFen: 30_000, reference: 'REPAY-1' });
    if (!more()) return { streamId: `case-${caseId}`, events };
    push('WriteOffRequested', reviewer, { amountFen: 20_000, reason: 'recipient has no income' });
    if (!more()) return { streamId: `case-${caseId}`, events };
    push('WriteOffApproved', approver, { amountFen: 20_000, note: null });
    if (!more()) return { streamId: `case-${caseId}`, events };
    push('RecoverySettled', reviewer, { note: null });
    return { streamId: `case-${caseId}`, events };
  }
  push('CaseClosed', opener, { reason: null });
  return { streamId: `case-${caseId}`, events };
}

/** One monitored household: registration, cadre, visits, a risk, maybe a placement. */
export function syntheticHousehold(rnd: () => number, startMs: number): SyntheticStream {
  const householdId = syntheticUuid(rnd);
  const street = pick(rnd, STREETS);
  const staff: StoreActor = { userId: `street-${street.toLowerCase()}-1`, role: 'street_staff', unit: street };
  let t = startMs;
  const events: SyntheticEvent[] = [];
  const push = (type: string, data: Record<string, unknown>, gapDays = 3 + rnd() * 20) => {
    t += Math.round(gapDays * DAY);
    const at = iso(t);
    events.push({ type, actor: staff, at, policyVersion: null, data: { householdId, ...data, at } });
  };
  const headId = syntheticUuid(rnd);
  const lifted = rnd() < 0.8;
  push(
    'HouseholdRegistered',
    {
      village: `village-${1 + Math.floor(rnd() * 14)}`,
      streetOffice: street,
      address: '西安市新城区',
      headMemberId: headId,
      members: [
        {
          memberId: headId,
          name: pick(rnd, SURNAMES) + pick(rnd, GIVEN),
          relation: 'head',
          birthDate: '1975-03-01',
          idNumber: '610102197503011236',
          sex: 'M',
          labourCapacity: 'full',
          employmentStatus: 'unemployed',
        },
      ],
      status: lifted ? 'lifted' : 'not_lifted',
      statusReason: lifted ? 'income above the line since 2019' : 'no stable income',
      planDueBy: lifted ? null : day(t + 20 * DAY),
    },
    0,
  );
  const cadre = { userId: staff.userId, name: '帮扶干部', unit: street, phone: '029-0000000' };
  push('ResponsibleCadreAssigned', { cadre });
  const visits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < visits; i++) {
    push('HouseholdVisited', {
      visitId: syntheticUuid(rnd),
      date: day(t),
      visitor: staff.userId,
      findings: 'family well',
      needs: 'a job near home',
      measuresTaken: 'job fair notice given',
      nextVisitDue: day(t + 30 * DAY),
    });
  }
  if (rnd() < 0.3) {
    const riskId = syntheticUuid(rnd);
    push('RiskFlagRaised', {
      riskId,
      source: 'visit',
      visitId: null,
      description: 'medical costs',
      severity: 'medium',
    });
    push('RiskEliminated', { riskId, reason: 'medical insurance covered the costs' });
  }
  if (rnd() < 0.3) {
    push('MemberPlacedInWork', {
      placementId: syntheticUuid(rnd),
      memberId: headId,
      employer: '新城区环卫所',
      post: 'cleaner',
      startDate: day(t),
      publicWelfarePost: true,
      caseId: null,
    });
  }
  return { streamId: `household-${householdId}`, events };
}

/** A mixed workload: about `cases` case streams and `households` household streams. */
export function syntheticWorkload(
  seed: number,
  cases: number,
  households: number,
  startMs = Date.parse('2020-06-01T01:00:00Z'),
): SyntheticStream[] {
  const rnd = seededRandom(seed);
  const out: SyntheticStream[] = [];
  for (let i = 0; i < cases; i++) out.push(syntheticCase(rnd, startMs + Math.floor(rnd() * 120) * DAY));
  for (let i = 0; i < households; i++) out.push(syntheticHousehold(rnd, startMs + Math.floor(rnd() * 120) * DAY));
  return out;
}
