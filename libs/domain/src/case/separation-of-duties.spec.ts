import type { Actor } from '../shared/actor';
import {
  approver,
  at,
  caseworker,
  command,
  disbursed,
  districtPassed,
  eligibility,
  finance,
  historyFor,
  MONTHLY_FEN,
  noticeEnded,
  noticeStarted,
  objectionRaised,
  opener,
  preliminaryPassed,
  reviewer,
  streetStaff,
  submitted,
  accepted,
  payoutScheduled,
  recoveryOpened,
} from './testing/case.fixtures';
import { given } from './testing/case.given-when-then';

/** The same person under another role: separation of duties is about people, not roles. */
const as = (who: Actor, role: Actor['role']): Actor => ({ ...who, role });

const SOD = { kind: 'forbidden', code: 'SEPARATION_OF_DUTIES' } as const;

describe('separation of duties', () => {
  describe('the caseworker who opened a case decides nothing on it', () => {
    it('cannot pass its preliminary review (初审)', () => {
      given(...historyFor('accepted'))
        .when(command('passPreliminaryReview', {}, opener))
        .thenError({
          ...SOD,
          message:
            'u-cw-wang (caseworker, STREET_XIYI) opened this case at 2020-09-01T02:00:00Z, so the same person may not review it.',
          details: { userId: 'u-cw-wang', command: 'passPreliminaryReview', earlierStep: 'CaseSubmitted' },
        });
    });
    it('another caseworker of the same street office can', () => {
      given(...historyFor('accepted'))
        .when(command('passPreliminaryReview', {}, caseworker))
        .then((events) => expect(events[0]?.type).toBe('PreliminaryReviewPassed'));
    });
    it('cannot pass its district review (复审), even holding the reviewer role', () => {
      given(...historyFor('preliminary_review_passed'))
        .when(command('passDistrictReview', { eligibility: eligibility() }, as(opener, 'reviewer')))
        .thenError({ ...SOD, message: /opened this case/ });
    });
    it('cannot reject it', () => {
      given(...historyFor('accepted'))
        .when(command('reject', { clause: '(十五)2', reason: 'x' }, as(opener, 'reviewer')))
        .thenError({ ...SOD, message: /may not decide on it/ });
    });
    it('cannot decide on objections to it', () => {
      given(...historyFor('in_public_notice'), objectionRaised())
        .when(
          command(
            'resolveObjection',
            { objectionNumber: 1, outcome: 'dismissed', resolution: 'Unfounded' },
            as(opener, 'reviewer'),
          ),
        )
        .thenError(SOD);
    });
    it('cannot approve it', () => {
      given(...historyFor('public_notice_ended'))
        .when(command('approve', { clause: '(十五)2' }, as(opener, 'approver')))
        .thenError({ ...SOD, message: /u-cw-wang .* opened this case .* may not approve it/ });
    });
  });

  describe('a reviewer of the case cannot approve it', () => {
    it('its district reviewer cannot approve it', () => {
      given(...historyFor('public_notice_ended'))
        .when(command('approve', { clause: '(十五)2' }, as(reviewer, 'approver')))
        .thenError({
          ...SOD,
          message:
            'u-rev-chen (reviewer, DISTRICT_HRSS) passed the district review (复审) of this case at 2020-09-10T02:00:00Z, so the same person may not approve it.',
          details: { earlierStep: 'DistrictReviewPassed' },
        });
    });
    it('its preliminary reviewer cannot approve it', () => {
      given(submitted(), accepted(), preliminaryPassed(streetStaff), districtPassed(), noticeStarted(), noticeEnded())
        .when(command('approve', { clause: '(十五)2' }, as(streetStaff, 'approver')))
        .thenError({ ...SOD, details: { earlierStep: 'PreliminaryReviewPassed' } });
    });
    it('an approver who took no earlier step can approve', () => {
      given(...historyFor('public_notice_ended'))
        .when(command('approve', { clause: '(十五)2' }, approver))
        .then((events) => expect(events[0]?.type).toBe('CaseApproved'));
    });
  });

  describe('write-off of a recovery', () => {
    const history = [
      ...historyFor('approved'),
      payoutScheduled(),
      disbursed(1),
      disbursed(2, as(approver, 'finance')),
      recoveryOpened(MONTHLY_FEN, [3, 4, 5, 6]),
    ];
    const requested = {
      type: 'WriteOffRequested' as const,
      data: { by: caseworker, at: at('2021-02-01'), amountFen: MONTHLY_FEN, reason: 'Uncollectable' },
    };

    it('whoever recorded a disbursement on the case cannot approve its write-off', () => {
      given(...history, requested)
        .when(command('approveWriteOff', {}, approver))
        .thenError({
          ...SOD,
          message:
            'u-app-liu (finance, DISTRICT_HRSS) recorded a disbursement on this case at 2020-11-02T02:00:00Z, so the same person may not approve its write-off.',
          details: { earlierStep: 'InstalmentDisbursed' },
        });
    });
    it('whoever requested the write-off cannot approve it', () => {
      const requestedByApprover2 = {
        ...requested,
        data: { ...requested.data, by: { userId: 'u-app-he', role: 'reviewer' as const, unit: 'DISTRICT_HRSS' } },
      };
      given(...history, requestedByApprover2)
        .when(command('approveWriteOff', {}, { userId: 'u-app-he', role: 'approver', unit: 'DISTRICT_HRSS' }))
        .thenError({ ...SOD, details: { earlierStep: 'WriteOffRequested' } });
    });
    it('an approver who neither paid nor asked can approve it', () => {
      given(...history, requested)
        .when(command('approveWriteOff', {}, { userId: 'u-app-he', role: 'approver', unit: 'DISTRICT_HRSS' }))
        .then((events) => expect(events[0]?.type).toBe('WriteOffApproved'));
    });
    it('the finance officer who paid is still free to record repayments', () => {
      given(...history)
        .when(command('recordRepayment', { amountFen: 100, reference: 'R-1' }, finance))
        .then((events) => expect(events[0]?.type).toBe('RepaymentRecorded'));
    });
  });
});
