import { foldCase } from './case.state';
import {
  accepted,
  approved,
  at,
  caseworker,
  command,
  disbursed,
  districtPassed,
  eligibility,
  finance,
  followUpScheduled,
  historyFor,
  MONTHLY_FEN,
  noticeEnded,
  noticeStarted,
  oneOffEligibility,
  paymentFailed,
  preliminaryPassed,
  submitted,
  suspended,
} from './testing/case.fixtures';
import { given } from './testing/case.given-when-then';

const statuses = (events: Parameters<typeof foldCase>[0]) => {
  const s = foldCase(events);
  return s.status === 'none' ? [] : s.instalments.map((i) => i.status);
};

describe('payout', () => {
  describe('scheduling', () => {
    it('(八) a one-off subsidy is one instalment of the approved amount', () => {
      const e = oneOffEligibility();
      given(
        submitted(e),
        accepted(),
        preliminaryPassed(),
        districtPassed(e),
        noticeStarted(),
        noticeEnded(),
        approved(e),
      )
        .when(command('schedulePayout', { firstDueOn: '2020-11-01' }, caseworker))
        .then((events) =>
          expect(events[0]).toMatchObject({
            data: { kind: 'one_off', instalments: [{ number: 1, dueOn: '2020-11-01', amountFen: 500_000 }] },
          }),
        );
    });
    it("monthly due dates keep the day, or the month's last day when it has none", () => {
      given(...historyFor('approved'))
        .when(command('schedulePayout', { firstDueOn: '2021-01-31' }, finance))
        .then((events) => {
          const data = events[0]?.data as { instalments: { dueOn: string }[] };
          expect(data.instalments.map((i) => i.dueOn)).toEqual([
            '2021-01-31',
            '2021-02-28',
            '2021-03-31',
            '2021-04-30',
            '2021-05-31',
            '2021-06-30',
          ]);
        });
    });
    it('an approval without a payout cannot be scheduled', () => {
      const e = eligibility({ amount: null });
      given(
        submitted(e),
        accepted(),
        preliminaryPassed(),
        districtPassed(e),
        noticeStarted(),
        noticeEnded(),
        approved(e),
      )
        .when(command('schedulePayout', { firstDueOn: '2020-11-01' }, finance))
        .thenError({ kind: 'illegal_state', code: 'NO_PAYOUT' });
    });
    it('an approval with a payout cannot be closed before it is scheduled', () => {
      given(...historyFor('approved'))
        .when(command('close', {}, caseworker))
        .thenError({ kind: 'illegal_state', code: 'PAYOUT_NOT_SCHEDULED' });
    });
    it('the state shows the next instalment due', () => {
      expect(foldCase([...historyFor('in_payout'), disbursed(1)])).toMatchObject({
        due: { nextInstalmentDueOn: '2020-12-01' },
      });
    });
  });

  describe('disbursement, failure and retry', () => {
    it('a failed instalment must be retried before it can be paid', () => {
      given(...historyFor('in_payout'), paymentFailed(1))
        .when(command('recordDisbursement', { instalmentNumber: 1, reference: 'BANK-1' }, finance))
        .thenError({
          kind: 'illegal_state',
          code: 'INSTALMENT_NOT_PAYABLE',
          message: 'Instalment 1 is failed; retry it first.',
        });
    });
    it('failure, retry, then payment: the instalment keeps its failure and counts the retry', () => {
      const retried = {
        type: 'InstalmentPaymentRetried' as const,
        data: { by: caseworker, at: at('2020-12-03'), instalmentNumber: 1, dueOn: '2020-12-03' },
      };
      const after = given(...historyFor('in_payout'), paymentFailed(1), retried)
        .when(command('recordDisbursement', { instalmentNumber: 1, reference: 'BANK-1b' }, finance, at('2020-12-04')))
        .then([
          {
            type: 'InstalmentDisbursed',
            data: {
              by: finance,
              at: at('2020-12-04'),
              instalmentNumber: 1,
              amountFen: MONTHLY_FEN,
              reference: 'BANK-1b',
            },
          },
        ]);
      expect(after).toMatchObject({ disbursedFen: MONTHLY_FEN });
      expect(after.status !== 'none' && after.instalments[0]).toMatchObject({
        status: 'disbursed',
        retries: 1,
        failures: [{ reason: 'Account closed', by: finance }],
        disbursedBy: finance,
        reference: 'BANK-1b',
      });
    });
    it('a retry without a date is due today (China time)', () => {
      given(...historyFor('in_payout'), paymentFailed(1))
        .when(command('retryPayment', { instalmentNumber: 1 }, finance, '2020-12-04T18:00:00Z'))
        .then((events) => expect(events[0]).toMatchObject({ data: { dueOn: '2020-12-05' } }));
    });
    it('a retry cannot be due in the past', () => {
      given(...historyFor('in_payout'), paymentFailed(1))
        .when(command('retryPayment', { instalmentNumber: 1, dueOn: '2020-12-01' }, finance, at('2020-12-04')))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'dueOn' }] },
        });
    });
    it('only a failed instalment can be retried', () => {
      given(...historyFor('in_payout'))
        .when(command('retryPayment', { instalmentNumber: 2 }, finance))
        .thenError({ kind: 'illegal_state', code: 'INSTALMENT_NOT_FAILED' });
    });
    it('only a scheduled instalment can fail', () => {
      given(...historyFor('in_payout'), disbursed(1))
        .when(command('recordPaymentFailure', { instalmentNumber: 1, reason: 'Returned' }, finance))
        .thenError({ kind: 'illegal_state', code: 'INSTALMENT_NOT_PAYABLE' });
    });
    it('an instalment is paid once', () => {
      given(...historyFor('in_payout'), disbursed(1))
        .when(command('recordDisbursement', { instalmentNumber: 1, reference: 'BANK-again' }, finance))
        .thenError({
          kind: 'conflict',
          code: 'INSTALMENT_ALREADY_DISBURSED',
          message: /reference BANK-1/,
        });
    });
    it('the instalment number must exist', () => {
      given(...historyFor('in_payout'))
        .when(command('recordDisbursement', { instalmentNumber: 7, reference: 'BANK-7' }, finance))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: {
            errors: [
              { field: 'instalmentNumber', reason: 'there is no instalment 7; this case has instalments 1 to 6' },
            ],
          },
        });
    });
    it('a failure needs a reason', () => {
      given(...historyFor('in_payout'))
        .when(command('recordPaymentFailure', { instalmentNumber: 1, reason: '   ' }, finance))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'reason', reason: 'must not be blank' }] },
        });
    });
  });

  describe('suspension', () => {
    it('(十五)2 unemployment subsidy stops when the recipient finds work: pending and failed instalments stop, paid ones stay', () => {
      given(...historyFor('in_payout'), disbursed(1), paymentFailed(2))
        .when(
          command(
            'suspend',
            { reason: 'Recipient found work on 2020-12-01', clause: '(十五)2' },
            caseworker,
            at('2020-12-05'),
          ),
        )
        .then((events, after) => {
          expect(events[0]).toMatchObject({ type: 'CaseSuspended', data: { stoppedInstalments: [2, 3, 4, 5, 6] } });
          expect(after.status !== 'none' && after.instalments.map((i) => i.status)).toEqual([
            'disbursed',
            'stopped',
            'stopped',
            'stopped',
            'stopped',
            'stopped',
          ]);
          expect(after).toMatchObject({
            suspension: { clause: '(十五)2', by: caseworker },
            due: { nextInstalmentDueOn: null },
          });
        });
    });
    it('(十五)2 a suspended case pays nothing: disbursement is not allowed while suspended', () => {
      given(...historyFor('suspended'))
        .when(command('recordDisbursement', { instalmentNumber: 2, reference: 'BANK-2' }, finance))
        .thenError({
          kind: 'illegal_state',
          code: 'ILLEGAL_TRANSITION',
          details: {
            state: 'suspended',
            allowed: ['resume', 'scheduleFollowUp', 'recordFollowUp', 'openRecovery', 'close'],
          },
        });
    });
    it('resuming restores the stopped instalments, and a failed one comes back as scheduled', () => {
      const history = [...historyFor('in_payout'), disbursed(1), paymentFailed(2), suspended([2, 3, 4, 5, 6])];
      expect(statuses(history)).toEqual(['disbursed', 'stopped', 'stopped', 'stopped', 'stopped', 'stopped']);
      given(...history)
        .when(command('resume', { reason: 'Contract ended in probation' }, caseworker))
        .then((_, after) =>
          expect(after.status !== 'none' && after.instalments.map((i) => i.status)).toEqual([
            'disbursed',
            'scheduled',
            'scheduled',
            'scheduled',
            'scheduled',
            'scheduled',
          ]),
        );
    });
  });

  describe('closing', () => {
    it('a case with unpaid instalments cannot be closed: pay them or suspend it', () => {
      given(...historyFor('in_payout'), disbursed(1))
        .when(command('close', {}, caseworker))
        .thenError({
          kind: 'illegal_state',
          code: 'INSTALMENTS_PENDING',
          details: { pendingInstalments: [2, 3, 4, 5, 6] },
        });
    });
    it('a case with a follow-up not yet recorded cannot be closed', () => {
      given(...historyFor('suspended'), followUpScheduled())
        .when(command('close', {}, caseworker))
        .thenError({ kind: 'illegal_state', code: 'FOLLOW_UP_OUTSTANDING', details: { openFollowUps: [1] } });
    });
  });

  describe('follow-up (回访)', () => {
    it('the state shows the follow-up due date until it is recorded', () => {
      const history = [...historyFor('in_payout'), followUpScheduled()];
      expect(foldCase(history)).toMatchObject({
        due: { followUpDueOn: '2021-01-16' },
        followUps: [{ purpose: 'Is the applicant still unemployed?', recordedAt: null }],
      });
      given(...history)
        .when(
          command(
            'recordFollowUp',
            { followUpNumber: 1, finding: 'Labour contract still in force', contractInForce: true },
            caseworker,
          ),
        )
        .then((_, after) =>
          expect(after).toMatchObject({
            due: { followUpDueOn: null },
            followUps: [{ contractInForce: true, recordedBy: caseworker }],
          }),
        );
    });
    it('a follow-up is recorded once, and must exist', () => {
      const recorded = {
        type: 'FollowUpRecorded' as const,
        data: { by: caseworker, at: at('2021-01-16'), followUpNumber: 1, finding: 'ok', contractInForce: true },
      };
      given(...historyFor('in_payout'), followUpScheduled(), recorded)
        .when(command('recordFollowUp', { followUpNumber: 1, finding: 'again' }, caseworker))
        .thenError({ kind: 'conflict', code: 'FOLLOW_UP_ALREADY_RECORDED' });
      given(...historyFor('in_payout'))
        .when(command('recordFollowUp', { followUpNumber: 1, finding: 'x' }, caseworker))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'followUpNumber' }] },
        });
    });
    it('the period is a whole number of months, 1 to 60', () => {
      given(...historyFor('in_payout'))
        .when(command('scheduleFollowUp', { purpose: 'Contract?', afterMonths: 0 }, caseworker))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'afterMonths', reason: 'must be at least 1' }] },
        });
    });
  });
});
