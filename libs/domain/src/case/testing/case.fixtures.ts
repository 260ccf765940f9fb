import type { EligibilityResult } from '@casework/policy';
import type { Actor, Role } from '../../shared/actor';
import type { CaseCommand, CaseCommandName, CaseCommandOf } from '../case.commands';
import type { CaseEvent } from '../case.events';
import type { CaseStatus } from '../case.state';

/*
 * Test data for the case decider. Amounts are example values labelled as such: the city
 * unemployment-insurance benefit standard is a parameter of the policy version (POLICY.md §1).
 */
export const CASE_ID = '4d7f5a8e-0000-4000-8000-000000000001';
/** The standard example of GB 11643-1999; synthetic person. */
export const PERSON_ID = '11010519491231002X';
/** A well-formed unified social credit code (check character 3); synthetic enterprise. */
export const CREDIT_CODE = '91350100M000100Y43';

const actor = (userId: string, role: Role, unit: string): Actor => ({ userId, role, unit });
export const opener = actor('u-cw-wang', 'caseworker', 'STREET_XIYI');
export const caseworker = actor('u-cw-li', 'caseworker', 'STREET_XIYI');
export const streetStaff = actor('u-st-zhao', 'street_staff', 'STREET_XIYI');
export const reviewer = actor('u-rev-chen', 'reviewer', 'DISTRICT_HRSS');
export const approver = actor('u-app-liu', 'approver', 'DISTRICT_HRSS');
export const finance = actor('u-fin-sun', 'finance', 'FINANCE');
export const inspector = actor('u-insp-zhou', 'inspector', 'DISCIPLINE');
export const admin = actor('u-adm-wu', 'admin', 'DISTRICT_HRSS');
/** Whoever the table allows for a role, when the person does not matter. */
export const anyone: Record<Role, Actor> = {
  caseworker,
  reviewer,
  approver,
  finance,
  street_staff: streetStaff,
  inspector,
  admin,
};

/** ISO instant at 10:00 China time on the given day. */
export const at = (isoDate: string, hour = 10): string => `${isoDate}T${String(hour - 8).padStart(2, '0')}:00:00Z`;

/** Example: 80% of an example city standard of 1,700 yuan = 1,360 yuan a month, for 6 months. */
export const MONTHLY_FEN = 136_000;
export const eligibility = (over: Partial<EligibilityResult> = {}): EligibilityResult => ({
  programme: 'UNEMPLOYMENT_SUBSIDY',
  policyVersion: '2020-xc-v2',
  eligible: true,
  conditions: [
    {
      id: 'situation',
      description: 'Unemployment-insurance benefit has run out',
      clause: '(十五)2',
      fact: 'unemployment.situation',
      value: 'benefit_exhausted',
      passed: true,
    },
    {
      id: 'unemployed',
      description: 'Still unemployed',
      clause: '(十五)2',
      fact: 'applicant.stillUnemployed',
      value: true,
      passed: true,
    },
  ],
  amount: {
    totalFen: 6 * MONTHLY_FEN,
    formula: '80% × 1700 yuan (example standard) = 1360 yuan × 6 months = 8160 yuan',
    inputs: { cityBenefitStandardFen: 170_000, months: 6 },
    schedule: { kind: 'monthly', months: 6, monthlyFen: MONTHLY_FEN },
  },
  ...over,
});
export const ineligible = (): EligibilityResult =>
  eligibility({
    eligible: false,
    conditions: [
      {
        id: 'unemployed',
        description: 'Still unemployed',
        clause: '(十五)2',
        fact: 'applicant.stillUnemployed',
        value: false,
        passed: false,
      },
    ],
    amount: null,
  });
/** One-off example: (八) start-up subsidy of 5000 yuan. */
export const oneOffEligibility = (): EligibilityResult =>
  eligibility({
    programme: 'UNEMPLOYMENT_SUBSIDY',
    amount: {
      totalFen: 500_000,
      formula: '5000 yuan once',
      inputs: {},
      schedule: { kind: 'one_off', amountFen: 500_000 },
    },
  });

export const facts = {
  'applicant.idNumber': PERSON_ID,
  'unemployment.situation': 'benefit_exhausted',
  'applicant.stillUnemployed': true,
};

// ---- events, one builder per stage of the default path -------------------------------------------

export const submitted = (elig: EligibilityResult = eligibility()): CaseEvent => ({
  type: 'CaseSubmitted',
  data: {
    by: opener,
    at: at('2020-09-01'),
    caseId: CASE_ID,
    programme: 'UNEMPLOYMENT_SUBSIDY',
    beneficiary: { kind: 'person', idNumber: PERSON_ID, name: '张三 (synthetic)' },
    facts,
    period: { from: '2020-09-01', to: '2021-02-28' },
    policyVersion: elig.policyVersion,
    eligibility: elig,
    unit: opener.unit,
  },
});
export const accepted = (): CaseEvent => ({ type: 'CaseAccepted', data: { by: opener, at: at('2020-09-02') } });
export const preliminaryPassed = (by: Actor = streetStaff): CaseEvent => ({
  type: 'PreliminaryReviewPassed',
  data: { by, at: at('2020-09-03'), opinion: null },
});
export const districtPassed = (
  elig: EligibilityResult = eligibility(),
  by: Actor = reviewer,
  when = at('2020-09-10'),
): CaseEvent => ({
  type: 'DistrictReviewPassed',
  data: { by, at: when, opinion: null, policyVersion: elig.policyVersion, eligibility: elig },
});
export const noticeStarted = (): CaseEvent => ({
  type: 'PublicNoticeStarted',
  data: {
    by: caseworker,
    at: at('2020-09-30', 9),
    noticeNumber: 1,
    startsOn: '2020-09-30',
    workingDays: 5,
    endsOn: '2020-10-14',
  },
});
export const objectionRaised = (objectionNumber = 1): CaseEvent => ({
  type: 'ObjectionRaised',
  data: {
    by: caseworker,
    at: at('2020-10-09'),
    noticeNumber: 1,
    objectionNumber,
    summary: 'A neighbour says the applicant works at a restaurant',
    objector: null,
  },
});
export const noticeEnded = (): CaseEvent => ({
  type: 'PublicNoticeEnded',
  data: { by: caseworker, at: at('2020-10-15'), noticeNumber: 1 },
});
export const approved = (elig: EligibilityResult = eligibility()): CaseEvent => ({
  type: 'CaseApproved',
  data: {
    by: approver,
    at: at('2020-10-16'),
    clause: '(十五)2',
    policyVersion: elig.policyVersion,
    amountFen: elig.amount?.totalFen ?? 0,
    formula: elig.amount?.formula ?? null,
    schedule: elig.amount?.schedule ?? { kind: 'none' },
    note: null,
  },
});
export const payoutScheduled = (): CaseEvent => ({
  type: 'PayoutScheduled',
  data: {
    by: finance,
    at: at('2020-10-16'),
    kind: 'monthly',
    instalments: ['2020-11-01', '2020-12-01', '2021-01-01', '2021-02-01', '2021-03-01', '2021-04-01'].map(
      (dueOn, i) => ({ number: i + 1, dueOn, amountFen: MONTHLY_FEN }),
    ),
  },
});
export const disbursed = (instalmentNumber: number, by: Actor = finance): CaseEvent => ({
  type: 'InstalmentDisbursed',
  data: { by, at: at('2020-11-02'), instalmentNumber, amountFen: MONTHLY_FEN, reference: `BANK-${instalmentNumber}` },
});
export const paymentFailed = (instalmentNumber: number): CaseEvent => ({
  type: 'InstalmentPaymentFailed',
  data: { by: finance, at: at('2020-12-02'), instalmentNumber, reason: 'Account closed' },
});
export const suspended = (stoppedInstalments: number[]): CaseEvent => ({
  type: 'CaseSuspended',
  data: { by: caseworker, at: at('2020-12-05'), reason: 'Recipient found work', clause: '(十五)2', stoppedInstalments },
});
export const followUpScheduled = (): CaseEvent => ({
  type: 'FollowUpScheduled',
  data: {
    by: caseworker,
    at: at('2020-10-16'),
    followUpNumber: 1,
    purpose: 'Is the applicant still unemployed?',
    dueOn: '2021-01-16',
  },
});
export const closed = (): CaseEvent => ({
  type: 'CaseClosed',
  data: { by: caseworker, at: at('2021-05-01'), reason: null },
});
export const rejected = (): CaseEvent => ({
  type: 'CaseRejected',
  data: {
    by: reviewer,
    at: at('2020-09-05'),
    clause: '(十五)2',
    reason: 'Still receives the unemployment-insurance benefit',
    atStep: 'accepted',
  },
});
export const withdrawn = (): CaseEvent => ({
  type: 'CaseWithdrawn',
  data: { by: caseworker, at: at('2020-09-04'), reason: 'Applicant found a job' },
});
export const returned = (): CaseEvent => ({
  type: 'CaseReturnedForSupplement',
  data: { by: caseworker, at: at('2020-09-02'), reason: 'Proof of unemployment registration missing' },
});
export const recoveryOpened = (amountOwedFen = MONTHLY_FEN, stoppedInstalments: number[] = []): CaseEvent => ({
  type: 'RecoveryOpened',
  data: {
    by: reviewer,
    at: at('2021-01-10'),
    amountOwedFen,
    reason: 'Paid for December after the recipient found work',
    clause: '(十五)2',
    stoppedInstalments,
  },
});

const path = {
  submitted: () => [submitted()],
  accepted: () => [...path.submitted(), accepted()],
  preliminary: () => [...path.accepted(), preliminaryPassed()],
  district: () => [...path.preliminary(), districtPassed()],
  notice: () => [...path.district(), noticeStarted()],
  noticeEnded: () => [...path.notice(), noticeEnded()],
  approved: () => [...path.noticeEnded(), approved()],
  inPayout: () => [...path.approved(), payoutScheduled()],
};

/** A history that leaves the case in each status (the default path and its side paths). */
export const historyFor = (status: CaseStatus): CaseEvent[] => {
  switch (status) {
    case 'none':
      return [];
    case 'submitted':
      return path.submitted();
    case 'returned_for_supplement':
      return [...path.submitted(), returned()];
    case 'accepted':
      return path.accepted();
    case 'preliminary_review_passed':
      return path.preliminary();
    case 'district_review_passed':
      return path.district();
    case 'in_public_notice':
      return path.notice();
    case 'public_notice_ended':
      return path.noticeEnded();
    case 'approved':
      return path.approved();
    case 'in_payout':
      return path.inPayout();
    case 'suspended':
      return [...path.inPayout(), disbursed(1), suspended([2, 3, 4, 5, 6])];
    case 'in_recovery':
      return [...path.inPayout(), disbursed(1), disbursed(2), recoveryOpened(MONTHLY_FEN, [3, 4, 5, 6])];
    case 'closed':
      return [...historyFor('suspended'), closed()];
    case 'rejected':
      return [...path.accepted(), rejected()];
    case 'withdrawn':
      return [...path.submitted(), withdrawn()];
  }
};

// ---- commands ---------------------------------------------------------------------------------

export function command<N extends CaseCommandName>(
  type: N,
  data: CaseCommandOf<N>['data'],
  by: Actor,
  when: string = at('2020-10-20'),
): CaseCommand {
  return { type, data, actor: by, at: when } as CaseCommand;
}
