import { CASE_STATUSES } from './case.state';
import { CASE_TRANSITIONS } from './case.transitions';
import {
  accepted,
  approved,
  approver,
  at,
  CASE_ID,
  caseworker,
  command,
  disbursed,
  districtPassed,
  eligibility,
  facts,
  finance,
  followUpScheduled,
  historyFor,
  MONTHLY_FEN,
  noticeEnded,
  noticeStarted,
  objectionRaised,
  oneOffEligibility,
  opener,
  PERSON_ID,
  preliminaryPassed,
  reviewer,
  streetStaff,
  submitted,
} from './testing/case.fixtures';
import { exercised, given } from './testing/case.given-when-then';

/*
 * One given/when/then per entry of CASE_TRANSITIONS: the happy path of every move. The last test
 * checks that none was forgotten, so a row added to the table without a spec fails here.
 */
describe('case transitions: every legal move', () => {
  describe('intake', () => {
    it('none --submit--> submitted: records the application, the eligibility trace, the policy version and the opening unit', () => {
      const e = eligibility();
      given()
        .when(
          command(
            'submit',
            {
              caseId: CASE_ID,
              programme: 'UNEMPLOYMENT_SUBSIDY',
              beneficiary: { kind: 'person', idNumber: PERSON_ID, name: '张三 (synthetic)' },
              facts,
              period: { from: '2020-09-01', to: '2021-02-28' },
              eligibility: e,
            },
            opener,
            at('2020-09-01'),
          ),
        )
        .then([submitted(e)]);
    });
    it('submitted --accept--> accepted (受理)', () => {
      given(...historyFor('submitted'))
        .when(command('accept', {}, opener, at('2020-09-02')))
        .then([accepted()]);
    });
    it('submitted --returnForSupplement--> returned_for_supplement (退回补正) with the reason', () => {
      given(...historyFor('submitted'))
        .when(
          command(
            'returnForSupplement',
            { reason: '  Proof of unemployment registration missing ' },
            caseworker,
            at('2020-09-02'),
          ),
        )
        .then([
          {
            type: 'CaseReturnedForSupplement',
            data: { by: caseworker, at: at('2020-09-02'), reason: 'Proof of unemployment registration missing' },
          },
        ]);
    });
    it('submitted --withdraw--> withdrawn', () => {
      given(...historyFor('submitted'))
        .when(command('withdraw', { reason: 'Applicant found a job' }, caseworker))
        .then([
          { type: 'CaseWithdrawn', data: { by: caseworker, at: at('2020-10-20'), reason: 'Applicant found a job' } },
        ]);
    });
    it('returned_for_supplement --resubmit--> submitted with the new facts and a fresh evaluation', () => {
      const e = eligibility({ policyVersion: 'v2' });
      const newFacts = { ...facts, 'unemployment.registrationNo': 'XC-2020-0001' };
      const after = given(...historyFor('returned_for_supplement'))
        .when(command('resubmit', { facts: newFacts, eligibility: e }, opener, at('2020-09-04')))
        .then([
          {
            type: 'CaseResubmitted',
            data: {
              by: opener,
              at: at('2020-09-04'),
              facts: newFacts,
              policyVersion: 'v2',
              eligibility: e,
              note: null,
            },
          },
        ]);
      expect(after).toMatchObject({
        facts: newFacts,
        policyVersion: 'v2',
        supplements: [{ reason: 'Proof of unemployment registration missing', resubmittedBy: opener }],
      });
    });
    it('returned_for_supplement --withdraw--> withdrawn', () => {
      given(...historyFor('returned_for_supplement'))
        .when(command('withdraw', { reason: 'No longer needed' }, caseworker))
        .then((events) => expect(events[0]?.type).toBe('CaseWithdrawn'));
    });
  });

  describe('reviews', () => {
    it('accepted --passPreliminaryReview--> preliminary_review_passed (初审 at the street office)', () => {
      given(...historyFor('accepted'))
        .when(command('passPreliminaryReview', { opinion: 'Documents complete' }, streetStaff, at('2020-09-03')))
        .then([
          {
            type: 'PreliminaryReviewPassed',
            data: { by: streetStaff, at: at('2020-09-03'), opinion: 'Documents complete' },
          },
        ]);
    });
    it('accepted --returnForSupplement--> returned_for_supplement', () => {
      given(...historyFor('accepted'))
        .when(command('returnForSupplement', { reason: 'Bank account missing' }, streetStaff))
        .then((events) => expect(events[0]?.type).toBe('CaseReturnedForSupplement'));
    });
    it('accepted --reject--> rejected, citing the clause', () => {
      given(...historyFor('accepted'))
        .when(
          command(
            'reject',
            { clause: '(十五)2', reason: 'Still receives the unemployment-insurance benefit' },
            reviewer,
          ),
        )
        .then([
          {
            type: 'CaseRejected',
            data: {
              by: reviewer,
              at: at('2020-10-20'),
              clause: '(十五)2',
              reason: 'Still receives the unemployment-insurance benefit',
              atStep: 'accepted',
            },
          },
        ]);
    });
    it('accepted --withdraw--> withdrawn', () => {
      given(...historyFor('accepted'))
        .when(command('withdraw', { reason: 'Moved away' }, caseworker))
        .then((events) => expect(events[0]?.type).toBe('CaseWithdrawn'));
    });
    it('preliminary_review_passed --passDistrictReview--> district_review_passed (复审) with the re-evaluated eligibility', () => {
      const e = eligibility({ policyVersion: 'v2' });
      const after = given(...historyFor('preliminary_review_passed'))
        .when(command('passDistrictReview', { eligibility: e }, reviewer, at('2020-09-10')))
        .then([
          {
            type: 'DistrictReviewPassed',
            data: { by: reviewer, at: at('2020-09-10'), opinion: null, policyVersion: 'v2', eligibility: e },
          },
        ]);
      expect(after).toMatchObject({ policyVersion: 'v2', districtReview: { by: reviewer } });
      expect(after.status !== 'none' && after.evaluations.map((x) => x.step)).toEqual([
        'CaseSubmitted',
        'DistrictReviewPassed',
      ]);
    });
    it('preliminary_review_passed --returnForSupplement--> returned_for_supplement', () => {
      given(...historyFor('preliminary_review_passed'))
        .when(command('returnForSupplement', { reason: 'Contract copy unreadable' }, reviewer))
        .then((events) => expect(events[0]?.type).toBe('CaseReturnedForSupplement'));
    });
    it('preliminary_review_passed --reject--> rejected', () => {
      given(...historyFor('preliminary_review_passed'))
        .when(command('reject', { clause: '(十五)2', reason: 'Not insured' }, reviewer))
        .then((events) =>
          expect(events[0]).toMatchObject({ type: 'CaseRejected', data: { atStep: 'preliminary_review_passed' } }),
        );
    });
    it('preliminary_review_passed --withdraw--> withdrawn', () => {
      given(...historyFor('preliminary_review_passed'))
        .when(command('withdraw', { reason: 'Found work' }, caseworker))
        .then((events) => expect(events[0]?.type).toBe('CaseWithdrawn'));
    });
  });

  describe('public notice', () => {
    it('district_review_passed --startPublicNotice--> in_public_notice for 5 working days by default', () => {
      given(...historyFor('district_review_passed'))
        .when(command('startPublicNotice', {}, caseworker, at('2020-09-30', 9)))
        .then([noticeStarted()]);
    });
    it('district_review_passed --withdraw--> withdrawn', () => {
      given(...historyFor('district_review_passed'))
        .when(command('withdraw', { reason: 'Found work' }, caseworker))
        .then((events) => expect(events[0]?.type).toBe('CaseWithdrawn'));
    });
    it('in_public_notice --raiseObjection--> in_public_notice, numbered on the running notice', () => {
      given(...historyFor('in_public_notice'))
        .when(
          command(
            'raiseObjection',
            { summary: 'A neighbour says the applicant works at a restaurant' },
            caseworker,
            at('2020-10-09'),
          ),
        )
        .then([objectionRaised()]);
    });
    it('in_public_notice --resolveObjection--> in_public_notice when dismissed', () => {
      const after = given(...historyFor('in_public_notice'), objectionRaised())
        .when(
          command(
            'resolveObjection',
            { objectionNumber: 1, outcome: 'dismissed', resolution: 'Visited: the restaurant closed in March' },
            reviewer,
            at('2020-10-12'),
          ),
        )
        .then([
          {
            type: 'ObjectionResolved',
            data: {
              by: reviewer,
              at: at('2020-10-12'),
              objectionNumber: 1,
              outcome: 'dismissed',
              resolution: 'Visited: the restaurant closed in March',
              next: null,
            },
          },
        ]);
      expect(after).toMatchObject({
        status: 'in_public_notice',
        objections: [{ status: 'dismissed', resolvedBy: reviewer }],
      });
    });
    it('in_public_notice --resolveObjection--> preliminary_review_passed when upheld and sent back to district review', () => {
      const after = given(...historyFor('in_public_notice'), objectionRaised(), objectionRaised(2))
        .when(
          command(
            'resolveObjection',
            {
              objectionNumber: 1,
              outcome: 'upheld',
              resolution: 'Works part-time; review the facts again',
              next: 'review',
            },
            reviewer,
            at('2020-10-12'),
          ),
        )
        .then((events) => expect(events).toHaveLength(1));
      expect(after).toMatchObject({
        status: 'preliminary_review_passed',
        notices: [{ outcome: 'interrupted' }],
        objections: [{ status: 'upheld', next: 'review' }, { status: 'moot' }],
        due: { noticeEndsOn: null },
      });
    });
    it('in_public_notice --resolveObjection--> rejected when upheld and rejected, citing the clause', () => {
      given(...historyFor('in_public_notice'), objectionRaised())
        .when(
          command(
            'resolveObjection',
            {
              objectionNumber: 1,
              outcome: 'upheld',
              resolution: 'Employed since August',
              next: 'reject',
              clause: '(十五)2',
            },
            reviewer,
            at('2020-10-12'),
          ),
        )
        .then([
          {
            type: 'ObjectionResolved',
            data: {
              by: reviewer,
              at: at('2020-10-12'),
              objectionNumber: 1,
              outcome: 'upheld',
              resolution: 'Employed since August',
              next: 'reject',
            },
          },
          {
            type: 'CaseRejected',
            data: {
              by: reviewer,
              at: at('2020-10-12'),
              clause: '(十五)2',
              reason: 'Employed since August',
              atStep: 'in_public_notice',
            },
          },
        ]);
    });
    it('in_public_notice --endPublicNotice--> public_notice_ended after the last working day', () => {
      given(...historyFor('in_public_notice'))
        .when(command('endPublicNotice', {}, caseworker, at('2020-10-15')))
        .then([noticeEnded()]);
    });
    it('in_public_notice --withdraw--> withdrawn', () => {
      given(...historyFor('in_public_notice'))
        .when(command('withdraw', { reason: 'Found work' }, caseworker))
        .then((events) => expect(events[0]?.type).toBe('CaseWithdrawn'));
    });
  });

  describe('decision', () => {
    it('(十五)2 public_notice_ended --approve--> approved: records amount, schedule, formula, clause and policy version', () => {
      const after = given(...historyFor('public_notice_ended'))
        .when(command('approve', { clause: '(十五)2' }, approver, at('2020-10-16')))
        .then([approved()]);
      expect(after).toMatchObject({
        approval: {
          amountFen: 6 * MONTHLY_FEN,
          policyVersion: '2020-xc-v2',
          schedule: { kind: 'monthly', months: 6 },
          by: approver,
        },
      });
    });
    it('public_notice_ended --reject--> rejected by the approver', () => {
      given(...historyFor('public_notice_ended'))
        .when(command('reject', { clause: '(十五)2', reason: 'Benefit not exhausted' }, approver))
        .then((events) =>
          expect(events[0]).toMatchObject({
            type: 'CaseRejected',
            data: { atStep: 'public_notice_ended', by: approver },
          }),
        );
    });
    it('public_notice_ended --withdraw--> withdrawn (still before approval)', () => {
      given(...historyFor('public_notice_ended'))
        .when(command('withdraw', { reason: 'Found work' }, caseworker))
        .then((events) => expect(events[0]?.type).toBe('CaseWithdrawn'));
    });
  });

  describe('after approval', () => {
    it('approved --schedulePayout--> in_payout: six monthly instalments with due dates', () => {
      given(...historyFor('approved'))
        .when(command('schedulePayout', { firstDueOn: '2020-11-01' }, finance, at('2020-10-16')))
        .then([
          {
            type: 'PayoutScheduled',
            data: {
              by: finance,
              at: at('2020-10-16'),
              kind: 'monthly',
              instalments: [
                { number: 1, dueOn: '2020-11-01', amountFen: MONTHLY_FEN },
                { number: 2, dueOn: '2020-12-01', amountFen: MONTHLY_FEN },
                { number: 3, dueOn: '2021-01-01', amountFen: MONTHLY_FEN },
                { number: 4, dueOn: '2021-02-01', amountFen: MONTHLY_FEN },
                { number: 5, dueOn: '2021-03-01', amountFen: MONTHLY_FEN },
                { number: 6, dueOn: '2021-04-01', amountFen: MONTHLY_FEN },
              ],
            },
          },
        ]);
    });
    it('approved --scheduleFollowUp--> approved: due a number of months later', () => {
      given(...historyFor('approved'))
        .when(
          command(
            'scheduleFollowUp',
            { purpose: 'Is the applicant still unemployed?', afterMonths: 3 },
            caseworker,
            at('2020-10-16'),
          ),
        )
        .then([followUpScheduled()]);
    });
    it('approved --recordFollowUp--> approved', () => {
      given(...historyFor('approved'), followUpScheduled())
        .when(
          command('recordFollowUp', { followUpNumber: 1, finding: 'Still unemployed' }, streetStaff, at('2021-01-16')),
        )
        .then([
          {
            type: 'FollowUpRecorded',
            data: {
              by: streetStaff,
              at: at('2021-01-16'),
              followUpNumber: 1,
              finding: 'Still unemployed',
              contractInForce: null,
            },
          },
        ]);
    });
    it('approved --close--> closed when the approval carries no payout (an approval-only programme)', () => {
      const noPayout = eligibility({ amount: null });
      given(
        submitted(noPayout),
        accepted(),
        preliminaryPassed(),
        districtPassed(noPayout),
        noticeStarted(),
        noticeEnded(),
        approved(noPayout),
      )
        .when(command('close', {}, caseworker))
        .then((events, after) => {
          expect(events[0]?.type).toBe('CaseClosed');
          expect(after).toMatchObject({ closure: { reopensTo: 'approved' } });
        });
    });
  });

  describe('payout', () => {
    it('in_payout --recordDisbursement--> in_payout', () => {
      given(...historyFor('in_payout'))
        .when(command('recordDisbursement', { instalmentNumber: 1, reference: 'BANK-1' }, finance, at('2020-11-02')))
        .then([disbursed(1)]);
    });
    it('in_payout --recordPaymentFailure--> in_payout', () => {
      given(...historyFor('in_payout'))
        .when(
          command('recordPaymentFailure', { instalmentNumber: 1, reason: 'Account closed' }, finance, at('2020-12-02')),
        )
        .then([
          {
            type: 'InstalmentPaymentFailed',
            data: { by: finance, at: at('2020-12-02'), instalmentNumber: 1, reason: 'Account closed' },
          },
        ]);
    });
    it('in_payout --retryPayment--> in_payout', () => {
      given(...historyFor('in_payout'), {
        type: 'InstalmentPaymentFailed',
        data: { by: finance, at: at('2020-11-02'), instalmentNumber: 1, reason: 'Account closed' },
      })
        .when(command('retryPayment', { instalmentNumber: 1, dueOn: '2020-11-10' }, caseworker, at('2020-11-05')))
        .then([
          {
            type: 'InstalmentPaymentRetried',
            data: { by: caseworker, at: at('2020-11-05'), instalmentNumber: 1, dueOn: '2020-11-10' },
          },
        ]);
    });
    it('(十五)2 in_payout --suspend--> suspended: the unemployment subsidy stops when the recipient finds work', () => {
      given(...historyFor('in_payout'), disbursed(1))
        .when(command('suspend', { reason: 'Recipient found work', clause: '(十五)2' }, caseworker, at('2020-12-05')))
        .then([
          {
            type: 'CaseSuspended',
            data: {
              by: caseworker,
              at: at('2020-12-05'),
              reason: 'Recipient found work',
              clause: '(十五)2',
              stoppedInstalments: [2, 3, 4, 5, 6],
            },
          },
        ]);
    });
    it('in_payout --scheduleFollowUp--> in_payout', () => {
      given(...historyFor('in_payout'))
        .when(
          command(
            'scheduleFollowUp',
            { purpose: 'Contract still in force?', afterMonths: 6 },
            streetStaff,
            at('2020-08-31'),
          ),
        )
        .then((events) =>
          expect(events[0]).toMatchObject({
            type: 'FollowUpScheduled',
            data: { followUpNumber: 1, dueOn: '2021-02-28' },
          }),
        );
    });
    it('in_payout --recordFollowUp--> in_payout', () => {
      given(...historyFor('in_payout'), followUpScheduled())
        .when(
          command(
            'recordFollowUp',
            { followUpNumber: 1, finding: 'Still unemployed', contractInForce: false },
            caseworker,
          ),
        )
        .then((events) =>
          expect(events[0]).toMatchObject({ type: 'FollowUpRecorded', data: { contractInForce: false } }),
        );
    });
    it('in_payout --openRecovery--> in_recovery: pending instalments stop', () => {
      given(...historyFor('in_payout'), disbursed(1), disbursed(2))
        .when(
          command(
            'openRecovery',
            {
              amountOwedFen: MONTHLY_FEN,
              reason: 'Paid for December after the recipient found work',
              clause: '(十五)2',
            },
            reviewer,
            at('2021-01-10'),
          ),
        )
        .then([
          {
            type: 'RecoveryOpened',
            data: {
              by: reviewer,
              at: at('2021-01-10'),
              amountOwedFen: MONTHLY_FEN,
              reason: 'Paid for December after the recipient found work',
              clause: '(十五)2',
              stoppedInstalments: [3, 4, 5, 6],
            },
          },
        ]);
    });
    it('in_payout --close--> closed once every instalment is paid', () => {
      const e = oneOffEligibility();
      given(
        submitted(e),
        accepted(),
        preliminaryPassed(),
        districtPassed(e),
        noticeStarted(),
        noticeEnded(),
        approved(e),
        {
          type: 'PayoutScheduled',
          data: {
            by: finance,
            at: at('2020-10-16'),
            kind: 'one_off',
            instalments: [{ number: 1, dueOn: '2020-11-01', amountFen: 500_000 }],
          },
        },
        {
          type: 'InstalmentDisbursed',
          data: { by: finance, at: at('2020-11-02'), instalmentNumber: 1, amountFen: 500_000, reference: 'BANK-1' },
        },
      )
        .when(command('close', { reason: 'Paid in full' }, caseworker))
        .then((events, after) => {
          expect(events).toEqual([
            { type: 'CaseClosed', data: { by: caseworker, at: at('2020-10-20'), reason: 'Paid in full' } },
          ]);
          expect(after).toMatchObject({ closure: { reopensTo: 'in_payout' }, disbursedFen: 500_000 });
        });
    });
    it('suspended --resume--> in_payout: the stopped instalments are scheduled again', () => {
      given(...historyFor('suspended'))
        .when(command('resume', { reason: 'Lost the job again in the probation period' }, caseworker))
        .then((events, after) => {
          expect(events).toEqual([
            {
              type: 'CaseResumed',
              data: {
                by: caseworker,
                at: at('2020-10-20'),
                reason: 'Lost the job again in the probation period',
                resumedInstalments: [2, 3, 4, 5, 6],
              },
            },
          ]);
          expect(after.status !== 'none' && after.instalments.map((i) => i.status)).toEqual([
            'disbursed',
            'scheduled',
            'scheduled',
            'scheduled',
            'scheduled',
            'scheduled',
          ]);
        });
    });
    it('suspended --scheduleFollowUp--> suspended', () => {
      given(...historyFor('suspended'))
        .when(command('scheduleFollowUp', { purpose: 'Contract still in force?', afterMonths: 1 }, caseworker))
        .then((events) => expect(events[0]?.type).toBe('FollowUpScheduled'));
    });
    it('suspended --recordFollowUp--> suspended', () => {
      given(...historyFor('suspended'), followUpScheduled())
        .when(
          command(
            'recordFollowUp',
            { followUpNumber: 1, finding: 'Labour contract in force', contractInForce: true },
            streetStaff,
          ),
        )
        .then((events) => expect(events[0]?.type).toBe('FollowUpRecorded'));
    });
    it('suspended --openRecovery--> in_recovery', () => {
      given(...historyFor('suspended'))
        .when(command('openRecovery', { amountOwedFen: 10_000, reason: 'Overpaid' }, caseworker))
        .then((events) =>
          expect(events[0]).toMatchObject({ type: 'RecoveryOpened', data: { stoppedInstalments: [], clause: null } }),
        );
    });
    it('suspended --close--> closed; reopening returns it to suspended', () => {
      given(...historyFor('suspended'))
        .when(command('close', {}, caseworker))
        .then((_, after) => expect(after).toMatchObject({ closure: { reopensTo: 'suspended' } }));
    });
  });

  describe('recovery (追回)', () => {
    it('in_recovery --recordRepayment--> in_recovery', () => {
      given(...historyFor('in_recovery'))
        .when(command('recordRepayment', { amountFen: 36_000, reference: 'RCPT-1' }, finance))
        .then((events, after) => {
          expect(events).toEqual([
            {
              type: 'RepaymentRecorded',
              data: { by: finance, at: at('2020-10-20'), amountFen: 36_000, reference: 'RCPT-1' },
            },
          ]);
          expect(after).toMatchObject({ recovery: { repaidFen: 36_000, outstandingFen: MONTHLY_FEN - 36_000 } });
        });
    });
    it('in_recovery --requestWriteOff--> in_recovery for what is still owed', () => {
      given(...historyFor('in_recovery'))
        .when(command('requestWriteOff', { reason: 'Recipient died; no estate' }, caseworker))
        .then([
          {
            type: 'WriteOffRequested',
            data: { by: caseworker, at: at('2020-10-20'), amountFen: MONTHLY_FEN, reason: 'Recipient died; no estate' },
          },
        ]);
    });
    it('in_recovery --approveWriteOff--> in_recovery with nothing outstanding', () => {
      given(...historyFor('in_recovery'), {
        type: 'WriteOffRequested',
        data: { by: caseworker, at: at('2021-02-01'), amountFen: MONTHLY_FEN, reason: 'Recipient died; no estate' },
      })
        .when(command('approveWriteOff', {}, approver))
        .then((events, after) => {
          expect(events).toEqual([
            {
              type: 'WriteOffApproved',
              data: { by: approver, at: at('2020-10-20'), amountFen: MONTHLY_FEN, note: null },
            },
          ]);
          expect(after).toMatchObject({
            recovery: {
              writtenOffFen: MONTHLY_FEN,
              outstandingFen: 0,
              writeOff: { status: 'approved', approvedBy: approver },
            },
          });
        });
    });
    it('in_recovery --settleRecovery--> closed once nothing is owed', () => {
      given(...historyFor('in_recovery'), {
        type: 'RepaymentRecorded',
        data: { by: finance, at: at('2021-02-01'), amountFen: MONTHLY_FEN, reference: 'RCPT-1' },
      })
        .when(command('settleRecovery', {}, reviewer))
        .then((events, after) => {
          expect(events).toEqual([
            { type: 'RecoverySettled', data: { by: reviewer, at: at('2020-10-20'), note: null } },
          ]);
          expect(after).toMatchObject({
            recovery: { status: 'settled', settledBy: reviewer },
            closure: { reopensTo: 'suspended' },
          });
        });
    });
  });

  describe('reopening', () => {
    it('closed --reopen--> the state it was closed from', () => {
      given(...historyFor('closed'))
        .when(command('reopen', { reason: 'Closed by mistake' }, reviewer))
        .then([
          {
            type: 'CaseReopened',
            data: { by: reviewer, at: at('2020-10-20'), reason: 'Closed by mistake', from: 'closed', to: 'suspended' },
          },
        ]);
    });
    it('closed --openRecovery--> in_recovery (an improper payment found after closing)', () => {
      given(...historyFor('closed'))
        .when(command('openRecovery', { amountOwedFen: MONTHLY_FEN, reason: 'Worked while paid' }, reviewer))
        .then((events) => expect(events[0]?.type).toBe('RecoveryOpened'));
    });
    it('rejected --reopen--> accepted: the reviews start again', () => {
      given(...historyFor('rejected'))
        .when(command('reopen', { reason: 'Administrative reconsideration found the benefit had ended' }, approver))
        .then((events, after) => {
          expect(events).toEqual([
            {
              type: 'CaseReopened',
              data: {
                by: approver,
                at: at('2020-10-20'),
                reason: 'Administrative reconsideration found the benefit had ended',
                from: 'rejected',
                to: 'accepted',
              },
            },
          ]);
          expect(after).toMatchObject({ reopenings: [{ from: 'rejected', to: 'accepted' }] });
        });
    });
  });

  it('covers every entry of CASE_TRANSITIONS', () => {
    const table = CASE_STATUSES.flatMap((s) => Object.keys(CASE_TRANSITIONS[s]).map((c) => `${s}.${c}`));
    expect(table.filter((entry) => !exercised.has(entry))).toEqual([]);
    expect(table.length).toBeGreaterThan(45);
  });
});
