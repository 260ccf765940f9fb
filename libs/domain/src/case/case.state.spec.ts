import { caseDecider } from '.';
import { caseStreamId, evolve, foldCase, initialCaseState } from './case.state';
import {
  accepted,
  approver,
  at,
  CASE_ID,
  caseworker,
  disbursed,
  finance,
  followUpScheduled,
  historyFor,
  MONTHLY_FEN,
  objectionRaised,
  opener,
  paymentFailed,
  PERSON_ID,
  reviewer,
  streetStaff,
  submitted,
} from './testing/case.fixtures';

describe('the folded case: what GET /api/cases/:id and /explain read', () => {
  it('caseStreamId is case-<id>', () => {
    expect(caseStreamId(CASE_ID)).toBe(`case-${CASE_ID}`);
  });

  it('an empty stream folds to status none', () => {
    expect(foldCase([])).toEqual({ status: 'none' });
    expect(caseDecider.initialState()).toEqual(initialCaseState());
  });

  it('exposes status, programme, beneficiary, the eligibility trace, amount, schedule, instalments, objections, who did each step and the due dates', () => {
    const dismissed = {
      type: 'ObjectionResolved' as const,
      data: {
        by: reviewer,
        at: at('2020-10-12'),
        objectionNumber: 1,
        outcome: 'dismissed' as const,
        resolution: 'Unfounded',
        next: null,
      },
    };
    const history = historyFor('in_payout');
    const noticeAt = history.findIndex((e) => e.type === 'PublicNoticeStarted');
    const events = [
      ...history.slice(0, noticeAt + 1),
      objectionRaised(),
      dismissed,
      ...history.slice(noticeAt + 1),
      disbursed(1),
      paymentFailed(2),
      followUpScheduled(),
    ];
    const state = foldCase(events);
    if (state.status !== 'in_payout') throw new Error(`expected in_payout, got ${state.status}`);
    expect(state).toMatchObject({
      caseId: CASE_ID,
      programme: 'UNEMPLOYMENT_SUBSIDY',
      beneficiary: { kind: 'person', idNumber: PERSON_ID },
      unit: 'STREET_XIYI',
      openedBy: opener,
      policyVersion: '2020-xc-v2',
      eligibility: {
        eligible: true,
        conditions: [{ id: 'situation', clause: '(十五)2', passed: true }, { id: 'unemployed' }],
      },
      approval: {
        amountFen: 6 * MONTHLY_FEN,
        clause: '(十五)2',
        policyVersion: '2020-xc-v2',
        schedule: { kind: 'monthly', months: 6, monthlyFen: MONTHLY_FEN },
        by: approver,
      },
      preliminaryReview: { by: streetStaff },
      districtReview: { by: reviewer },
      objections: [{ objectionNumber: 1, status: 'dismissed', resolvedBy: reviewer }],
      notices: [{ endsOn: '2020-10-14', outcome: 'ended', endedBy: caseworker }],
      payout: { kind: 'monthly', scheduledBy: finance },
      disbursedFen: MONTHLY_FEN,
      due: { noticeEndsOn: null, followUpDueOn: '2021-01-16', nextInstalmentDueOn: '2021-01-01' },
    });
    expect(state.instalments.map((i) => [i.number, i.status])).toEqual([
      [1, 'disbursed'],
      [2, 'failed'],
      [3, 'scheduled'],
      [4, 'scheduled'],
      [5, 'scheduled'],
      [6, 'scheduled'],
    ]);
    expect(state.steps.map((s) => `${s.step} by ${s.by.userId}`)).toEqual([
      'CaseSubmitted by u-cw-wang',
      'CaseAccepted by u-cw-wang',
      'PreliminaryReviewPassed by u-st-zhao',
      'DistrictReviewPassed by u-rev-chen',
      'PublicNoticeStarted by u-cw-li',
      'ObjectionRaised by u-cw-li',
      'ObjectionResolved by u-rev-chen',
      'PublicNoticeEnded by u-cw-li',
      'CaseApproved by u-app-liu',
      'PayoutScheduled by u-fin-sun',
      'InstalmentDisbursed by u-fin-sun',
      'InstalmentPaymentFailed by u-fin-sun',
      'FollowUpScheduled by u-cw-li',
    ]);
    expect(state.evaluations.map((e) => e.step)).toEqual(['CaseSubmitted', 'DistrictReviewPassed']);
  });

  it('while the notice runs, its end is a due date', () => {
    expect(foldCase(historyFor('in_public_notice'))).toMatchObject({ due: { noticeEndsOn: '2020-10-14' } });
  });

  it('the folded state is plain JSON', () => {
    const state = foldCase(historyFor('in_recovery'));
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('evolve refuses a corrupt stream rather than guessing', () => {
    expect(() => evolve(initialCaseState(), accepted())).toThrow(
      'Corrupt case stream: CaseAccepted before CaseSubmitted',
    );
    expect(() => foldCase([submitted(), submitted()])).toThrow(/CaseSubmitted on case in state submitted/);
  });
});
