import { ROLES } from '../shared/actor';
import type { CaseCommandName } from './case.commands';
import { CASE_COMMANDS } from './case.catalogue';
import { CASE_STATUSES } from './case.state';
import { allowedCommands, CASE_TRANSITIONS } from './case.transitions';
import { anyone, approver, at, caseworker, command, finance, historyFor, opener } from './testing/case.fixtures';
import { given } from './testing/case.given-when-then';

const COMMANDS = Object.keys(CASE_COMMANDS) as CaseCommandName[];
// Any body will do: the table is consulted before the fields are looked at.
const anyCommand = (type: CaseCommandName, role = caseworker) => command(type, {}, role);

describe('illegal moves: every command outside the table names the state and the commands allowed there', () => {
  const illegal = CASE_STATUSES.filter((s) => s !== 'none').flatMap((status) =>
    COMMANDS.filter((c) => !(c in CASE_TRANSITIONS[status])).map((c) => [status, c] as const),
  );

  it.each(illegal)('in %s, %s is refused with ILLEGAL_TRANSITION', (status, c) => {
    given(...historyFor(status))
      .when(anyCommand(c))
      .thenError({
        kind: 'illegal_state',
        code: 'ILLEGAL_TRANSITION',
        details: { state: status, command: c, allowed: allowedCommands(status) },
      });
  });

  it('approving during the public notice says so in words, with the commands allowed then', () => {
    given(...historyFor('in_public_notice'))
      .when(command('approve', { clause: '(十五)2' }, approver))
      .thenError({
        kind: 'illegal_state',
        code: 'ILLEGAL_TRANSITION',
        message:
          'Command "approve" is not allowed in state "in_public_notice". Allowed here: raiseObjection, resolveObjection, endPublicNotice, withdraw.',
      });
  });

  it('a withdrawn case allows nothing', () => {
    given(...historyFor('withdrawn'))
      .when(command('reopen', { reason: 'Changed mind' }, approver))
      .thenError({
        kind: 'illegal_state',
        code: 'ILLEGAL_TRANSITION',
        details: { allowed: [] },
        message: /Allowed here: none/,
      });
  });

  it('withdrawal after approval is refused: the applicant may withdraw only before the decision', () => {
    given(...historyFor('approved'))
      .when(command('withdraw', { reason: 'Found work' }, caseworker))
      .thenError({
        kind: 'illegal_state',
        code: 'ILLEGAL_TRANSITION',
        details: { state: 'approved', allowed: ['schedulePayout', 'scheduleFollowUp', 'recordFollowUp', 'close'] },
      });
  });

  it('submitting again on an existing case is an illegal move, not a second case', () => {
    given(...historyFor('submitted'))
      .when(anyCommand('submit', opener))
      .thenError({ kind: 'illegal_state', code: 'ILLEGAL_TRANSITION', details: { state: 'submitted' } });
  });

  it.each(COMMANDS.filter((c) => c !== 'submit'))('on a case never submitted, %s is CASE_NOT_FOUND', (c) => {
    given().when(anyCommand(c)).thenError({ kind: 'not_found', code: 'CASE_NOT_FOUND' });
  });
});

describe('roles: the table says who may move a case', () => {
  const entries = CASE_STATUSES.flatMap((status) =>
    Object.entries(CASE_TRANSITIONS[status]).flatMap(([c, rule]) =>
      ROLES.filter((r) => !rule.roles.includes(r)).map(
        (role) => [status, c as CaseCommandName, role, rule.roles.join(', ')] as const,
      ),
    ),
  );

  it.each(entries)('in %s, %s by a %s is ROLE_NOT_ALLOWED (allowed: %s)', (status, c, role) => {
    given(...historyFor(status))
      .when(anyCommand(c, anyone[role]))
      .thenError({
        kind: 'forbidden',
        code: 'ROLE_NOT_ALLOWED',
        details: { role, command: c, state: status, allowedRoles: [...CASE_TRANSITIONS[status][c]!.roles] },
      });
  });

  it('inspectors and administrators never move a case', () => {
    expect(CASE_STATUSES.flatMap((s) => [...allowedCommands(s, 'inspector'), ...allowedCommands(s, 'admin')])).toEqual(
      [],
    );
  });

  it('finance records payments but cannot approve', () => {
    expect(allowedCommands('in_payout', 'finance')).toEqual([
      'recordDisbursement',
      'recordPaymentFailure',
      'retryPayment',
    ]);
    given(...historyFor('public_notice_ended'))
      .when(command('approve', { clause: '(十五)2' }, finance))
      .thenError({ kind: 'forbidden', code: 'ROLE_NOT_ALLOWED', message: /allowed roles: approver/ });
  });

  it('allowedCommands without a role lists the whole row in table order', () => {
    expect(allowedCommands('accepted')).toEqual(['passPreliminaryReview', 'returnForSupplement', 'reject', 'withdraw']);
    expect(allowedCommands('accepted', 'street_staff')).toEqual(['passPreliminaryReview', 'returnForSupplement']);
  });
});

// The role is checked before the fields: a caller without the right learns nothing about the body.
describe('order of checks', () => {
  it('a wrong role with an empty body is forbidden, not invalid', () => {
    given(...historyFor('accepted'))
      .when(command('reject', {} as never, caseworker, at('2020-09-05')))
      .thenError({ kind: 'forbidden', code: 'ROLE_NOT_ALLOWED' });
  });
});
