import { approver, at, command, historyFor, MONTHLY_FEN } from './testing/case.fixtures';
import { given } from './testing/case.given-when-then';

/*
 * The clause an approval cites must be one of the programme's clauses: an unemployment subsidy
 * (失业补助金) rests on (十五)2 "按我市失业保险金80%的标准发放6个月的失业补助金", not on (八).
 */
describe('approve: the clause cited belongs to the programme', () => {
  it('given an unemployment-subsidy case, when approved citing (十五)2 in full-width brackets, then 6 × 136000 fen', () => {
    const after = given(...historyFor('public_notice_ended'))
      .when(command('approve', { clause: '（十五）2' }, approver, at('2020-10-16')))
      .then((events) => expect(events[0]).toMatchObject({ type: 'CaseApproved', data: { clause: '（十五）2' } }));
    expect(after).toMatchObject({ approval: { amountFen: 6 * MONTHLY_FEN } });
  });
  it.each(['(八)', '(十五)3', 'see the policy'])(
    'when approved citing %p, then a 400 on clause naming the programme clauses',
    (clause) => {
      const error = given(...historyFor('public_notice_ended'))
        .when(command('approve', { clause }, approver, at('2020-10-16')))
        .thenError({ kind: 'validation', code: 'VALIDATION_FAILED' });
      expect(error.details.errors).toEqual([{ field: 'clause', reason: expect.stringContaining('(十五)2') }]);
    },
  );
});
