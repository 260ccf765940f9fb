import { foldCase } from './case.state';
import {
  approver,
  at,
  caseworker,
  command,
  disbursed,
  finance,
  historyFor,
  MONTHLY_FEN,
  reviewer,
} from './testing/case.fixtures';
import { given } from './testing/case.given-when-then';

const OTHER_APPROVER = { userId: 'u-app-he', role: 'approver' as const, unit: 'DISTRICT_HRSS' };
const repaid = (amountFen: number) => ({
  type: 'RepaymentRecorded' as const,
  data: { by: finance, at: at('2021-02-01'), amountFen, reference: `RCPT-${amountFen}` },
});
const writeOffRequested = (amountFen: number) => ({
  type: 'WriteOffRequested' as const,
  data: { by: caseworker, at: at('2021-03-01'), amountFen, reason: 'Recipient cannot pay' },
});

describe('recovery of an improper payment (追回)', () => {
  describe('opening', () => {
    it('(十五)2 pay stops and the amount owed is recorded when the subsidy was paid after the recipient found work', () => {
      const after = given(...historyFor('in_payout'), disbursed(1), disbursed(2))
        .when(
          command(
            'openRecovery',
            { amountOwedFen: MONTHLY_FEN, reason: 'December paid after the recipient found work', clause: '(十五)2' },
            reviewer,
          ),
        )
        .then((events) => expect(events[0]).toMatchObject({ data: { stoppedInstalments: [3, 4, 5, 6] } }));
      expect(after).toMatchObject({
        status: 'in_recovery',
        recovery: { status: 'open', amountOwedFen: MONTHLY_FEN, outstandingFen: MONTHLY_FEN, openedBy: reviewer },
        due: { nextInstalmentDueOn: null },
      });
    });
    it('cannot claim back more than was paid', () => {
      given(...historyFor('in_payout'), disbursed(1))
        .when(command('openRecovery', { amountOwedFen: MONTHLY_FEN + 1, reason: 'Overpaid' }, reviewer))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: {
            errors: [
              {
                field: 'amountOwedFen',
                reason: `must not exceed what was paid and not yet claimed back: ${MONTHLY_FEN} fen`,
              },
            ],
          },
        });
    });
    it('cannot open when nothing was paid', () => {
      given(...historyFor('in_payout'))
        .when(command('openRecovery', { amountOwedFen: 100, reason: 'Overpaid' }, reviewer))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'amountOwedFen', reason: 'nothing paid on this case is left to recover' }] },
        });
    });
    it('a second recovery can claim only what earlier ones did not', () => {
      const settledOnce = [
        ...historyFor('in_recovery'),
        repaid(MONTHLY_FEN),
        { type: 'RecoverySettled' as const, data: { by: reviewer, at: at('2021-03-01'), note: null } },
      ];
      expect(foldCase(settledOnce)).toMatchObject({ status: 'closed', disbursedFen: 2 * MONTHLY_FEN });
      given(...settledOnce)
        .when(command('openRecovery', { amountOwedFen: MONTHLY_FEN + 1, reason: 'January too' }, reviewer))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'amountOwedFen' }] },
        });
      given(...settledOnce)
        .when(command('openRecovery', { amountOwedFen: MONTHLY_FEN, reason: 'January too' }, reviewer))
        .then((_, after) =>
          expect(after).toMatchObject({
            recovery: { amountOwedFen: MONTHLY_FEN, status: 'open' },
            recoveries: [{ status: 'settled' }, { status: 'open' }],
          }),
        );
    });
    it('the amount is a positive whole number of fen', () => {
      for (const amountOwedFen of [0, -100, 12.5]) {
        given(...historyFor('in_payout'), disbursed(1))
          .when(command('openRecovery', { amountOwedFen, reason: 'Overpaid' }, reviewer))
          .thenError({
            kind: 'validation',
            code: 'VALIDATION_FAILED',
            details: { errors: [{ field: 'amountOwedFen' }] },
          });
      }
    });
  });

  describe('repayments', () => {
    it('are positive whole fen and not above what is still owed', () => {
      given(...historyFor('in_recovery'), repaid(100_000))
        .when(command('recordRepayment', { amountFen: 36_001, reference: 'RCPT-2' }, finance))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'amountFen', reason: 'must not exceed the amount still owed: 36000 fen' }] },
        });
      given(...historyFor('in_recovery'))
        .when(command('recordRepayment', { amountFen: 0, reference: 'RCPT-0' }, finance))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'amountFen', reason: 'must be at least 1' }] },
        });
      given(...historyFor('in_recovery'))
        .when(command('recordRepayment', { amountFen: 99.5, reference: 'RCPT-x' }, finance))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'amountFen', reason: 'must be a whole number' }] },
        });
    });
    it('nothing more can be repaid once everything is', () => {
      given(...historyFor('in_recovery'), repaid(MONTHLY_FEN))
        .when(command('recordRepayment', { amountFen: 1, reference: 'RCPT-extra' }, finance))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'amountFen', reason: 'nothing is owed any more' }] },
        });
    });
  });

  describe('write-off', () => {
    it('needs a request before an approver can approve it', () => {
      given(...historyFor('in_recovery'))
        .when(command('approveWriteOff', {}, OTHER_APPROVER))
        .thenError({ kind: 'illegal_state', code: 'NO_WRITE_OFF_REQUESTED' });
    });
    it('is approved only by an approver', () => {
      given(...historyFor('in_recovery'), writeOffRequested(MONTHLY_FEN))
        .when(command('approveWriteOff', {}, reviewer))
        .thenError({ kind: 'forbidden', code: 'ROLE_NOT_ALLOWED', details: { allowedRoles: ['approver'] } });
    });
    it('is requested once at a time', () => {
      given(...historyFor('in_recovery'), writeOffRequested(MONTHLY_FEN))
        .when(command('requestWriteOff', { reason: 'again' }, caseworker))
        .thenError({ kind: 'conflict', code: 'WRITE_OFF_ALREADY_REQUESTED' });
    });
    it('writes off only what is still owed when repayments arrived after the request', () => {
      given(...historyFor('in_recovery'), writeOffRequested(MONTHLY_FEN), repaid(100_000))
        .when(command('approveWriteOff', { note: 'Hardship confirmed' }, OTHER_APPROVER))
        .then((events, after) => {
          expect(events).toEqual([
            {
              type: 'WriteOffApproved',
              data: { by: OTHER_APPROVER, at: at('2020-10-20'), amountFen: 36_000, note: 'Hardship confirmed' },
            },
          ]);
          expect(after).toMatchObject({ recovery: { repaidFen: 100_000, writtenOffFen: 36_000, outstandingFen: 0 } });
        });
    });
    it('has nothing to write off when everything was repaid meanwhile', () => {
      given(...historyFor('in_recovery'), writeOffRequested(MONTHLY_FEN), repaid(MONTHLY_FEN))
        .when(command('approveWriteOff', {}, OTHER_APPROVER))
        .thenError({ kind: 'illegal_state', code: 'NOTHING_OWED' });
    });
  });

  describe('settlement', () => {
    it('is refused while money is owed', () => {
      given(...historyFor('in_recovery'), repaid(100_000))
        .when(command('settleRecovery', {}, reviewer))
        .thenError({ kind: 'illegal_state', code: 'RECOVERY_OUTSTANDING', details: { outstandingFen: 36_000 } });
    });
    it('whole story: open, repay part, write off the rest, settle, and the case is closed; reopening resumes nothing by itself', () => {
      const history = [
        ...historyFor('in_recovery'),
        repaid(100_000),
        writeOffRequested(36_000),
        {
          type: 'WriteOffApproved' as const,
          data: { by: OTHER_APPROVER, at: at('2021-03-05'), amountFen: 36_000, note: null },
        },
      ];
      const closed = given(...history)
        .when(command('settleRecovery', { note: 'Repaid 1000 yuan, 360 yuan written off' }, caseworker))
        .then((_, after) =>
          expect(after).toMatchObject({
            status: 'closed',
            recovery: { status: 'settled', repaidFen: 100_000, writtenOffFen: 36_000, outstandingFen: 0 },
          }),
        );
      expect(closed.status === 'closed' && closed.instalments.map((i) => i.status)).toEqual([
        'disbursed',
        'disbursed',
        'stopped',
        'stopped',
        'stopped',
        'stopped',
      ]);
      given(...history, { type: 'RecoverySettled', data: { by: caseworker, at: at('2021-03-06'), note: null } })
        .when(command('reopen', { reason: 'Objection to the recovery upheld' }, approver))
        .then((_, after) => expect(after.status).toBe('suspended'));
    });
  });

  it('the in_recovery fixture claimed one month of two paid', () => {
    expect(foldCase(historyFor('in_recovery'))).toMatchObject({
      disbursedFen: 2 * MONTHLY_FEN,
      recovery: { outstandingFen: MONTHLY_FEN },
    });
  });
});
