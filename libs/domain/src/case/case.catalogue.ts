import { checkBodyFields, type BodyFieldSpec, type BodyFieldType } from '../shared/body-fields';
import type { CommandEnvelope } from '../shared/actor';
import { validationError, type FieldProblem } from '@casework/kernel';
import type { CaseCommandName, CaseCommandOf } from './case.commands';

export type FieldType = Exclude<BodyFieldType, 'array'>;

export type FieldSpec = BodyFieldSpec<FieldType>;

export type CommandSpec = {
  /** Last segment of `POST /api/cases/:id/<route>`. */
  route: string;
  description: string;
  /** The body a client sends; anything else is an unknown field. */
  fields: readonly FieldSpec[];
  /** What the handler adds to the body before calling decide: the new case id, the eligibility it evaluated. */
  handlerSupplies: readonly ('caseId' | 'eligibility')[];
  /** True for the one command that creates the case (`POST /api/cases`, no id yet). */
  opensCase: boolean;
};

const REASON = 1000;
const CLAUSE = 40;
const TEXT = 2000;

const str = (name: string, required: boolean, maxLength: number, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type: 'string',
  required,
  maxLength,
  ...extra,
});
const int = (name: string, required: boolean, min: number, max?: number): FieldSpec => ({
  name,
  type: 'integer',
  required,
  min,
  ...(max === undefined ? {} : { max }),
});
const date = (name: string, required: boolean): FieldSpec => ({ name, type: 'date', required });
const reason = (required = true) => str('reason', required, REASON);
const clause = (required: boolean) => str('clause', required, CLAUSE);
const note = str('note', false, TEXT);

const cmd = (
  route: string,
  description: string,
  fields: FieldSpec[],
  handlerSupplies: CommandSpec['handlerSupplies'] = [],
): CommandSpec => ({
  route,
  description,
  fields,
  handlerSupplies,
  opensCase: false,
});

/** The command catalogue: one entry per command, for routes, request validation and OpenAPI. */
export const CASE_COMMANDS: Readonly<Record<CaseCommandName, CommandSpec>> = {
  submit: {
    ...cmd(
      'submit',
      'Open a case for an application (the handler evaluates eligibility under the current policy version).',
      [
        str('programme', true, 64),
        {
          name: 'beneficiary',
          type: 'object',
          required: true,
          fields: [
            str('kind', true, 16, { enum: ['person', 'enterprise'] }),
            str('idNumber', false, 18),
            str('creditCode', false, 18),
            str('name', true, 100),
          ],
        },
        { name: 'facts', type: 'object', required: true },
        { name: 'period', type: 'object', required: true, fields: [date('from', true), date('to', true)] },
      ],
      ['caseId', 'eligibility'],
    ),
    opensCase: true,
  },
  accept: cmd('accept', '受理: accept the application for processing.', [note]),
  returnForSupplement: cmd('return-for-supplement', '退回补正: return the application for missing or wrong material.', [
    reason(),
  ]),
  resubmit: cmd(
    'resubmit',
    'Resubmit after supplement with corrected facts (eligibility is evaluated again).',
    [{ name: 'facts', type: 'object', required: true }, note],
    ['eligibility'],
  ),
  passPreliminaryReview: cmd('pass-preliminary-review', '初审: the street office passes its preliminary review.', [
    str('opinion', false, TEXT),
  ]),
  passDistrictReview: cmd(
    'pass-district-review',
    '复审: the district bureau passes its review (eligibility is evaluated again).',
    [str('opinion', false, TEXT)],
    ['eligibility'],
  ),
  startPublicNotice: cmd('start-public-notice', '公示: start the public notice for a number of working days.', [
    date('startsOn', false),
    int('workingDays', false, 1, 30),
  ]),
  raiseObjection: cmd('raise-objection', 'Record an objection received during the public notice.', [
    str('summary', true, TEXT),
    str('objector', false, 100),
  ]),
  resolveObjection: cmd(
    'resolve-objection',
    'Resolve an objection: dismiss it, or uphold it and send the case back to review or reject it.',
    [
      int('objectionNumber', true, 1),
      str('outcome', true, 16, { enum: ['upheld', 'dismissed'] }),
      str('resolution', true, TEXT),
      str('next', false, 16, { enum: ['review', 'reject'] }),
      clause(false),
    ],
  ),
  endPublicNotice: cmd(
    'end-public-notice',
    'End the public notice after its last working day, with no objection open.',
    [],
  ),
  approve: cmd('approve', '审批: approve the amount and schedule evaluated at district review, citing the clause.', [
    clause(true),
    note,
  ]),
  reject: cmd('reject', 'Reject, citing the clause and the reason.', [clause(true), reason()]),
  schedulePayout: cmd(
    'schedule-payout',
    'Schedule the payout: one instalment, or monthly instalments from the first due date.',
    [date('firstDueOn', true)],
  ),
  recordDisbursement: cmd('record-disbursement', 'Record that an instalment was paid.', [
    int('instalmentNumber', true, 1),
    str('reference', true, 100),
  ]),
  recordPaymentFailure: cmd('record-payment-failure', 'Record that paying an instalment failed.', [
    int('instalmentNumber', true, 1),
    reason(),
  ]),
  retryPayment: cmd('retry-payment', 'Schedule a failed instalment again.', [
    int('instalmentNumber', true, 1),
    date('dueOn', false),
  ]),
  suspend: cmd('suspend', 'Suspend payment (e.g. the recipient found work): pending instalments stop.', [
    reason(),
    clause(false),
  ]),
  resume: cmd('resume', 'Resume payment of the stopped instalments.', [reason()]),
  scheduleFollowUp: cmd(
    'schedule-follow-up',
    '回访: schedule a follow-up after some months (e.g. is the labour contract still in force).',
    [str('purpose', true, REASON), int('afterMonths', true, 1, 60)],
  ),
  recordFollowUp: cmd('record-follow-up', 'Record the finding of a follow-up.', [
    int('followUpNumber', true, 1),
    str('finding', true, TEXT),
    { name: 'contractInForce', type: 'boolean', required: false },
  ]),
  close: cmd('close', '办结: close the case.', [reason(false)]),
  withdraw: cmd('withdraw', 'The applicant withdraws the application (before approval).', [reason()]),
  reopen: cmd('reopen', 'Reopen a closed or rejected case.', [reason()]),
  openRecovery: cmd('open-recovery', '追回: open the recovery of an improper payment.', [
    int('amountOwedFen', true, 1),
    reason(),
    clause(false),
  ]),
  recordRepayment: cmd('record-repayment', 'Record money paid back.', [
    int('amountFen', true, 1),
    str('reference', true, 100),
  ]),
  requestWriteOff: cmd('request-write-off', 'Ask an approver to write off what is still owed.', [reason()]),
  approveWriteOff: cmd('approve-write-off', 'Approve the requested write-off.', [note]),
  settleRecovery: cmd('settle-recovery', 'Settle the recovery once nothing is owed; the case closes.', [note]),
};

/**
 * Checks a request body against the catalogue: unknown fields, missing or blank required ones,
 * types, lengths, ranges. Returns the problems (empty when the body is fine). The API calls it
 * before the handler; decide() calls it again on the command, so the rules hold for every caller.
 */
export function validateCommandBody(
  name: CaseCommandName,
  body: unknown,
  options: { allowHandlerFields?: boolean } = {},
): FieldProblem[] {
  const spec = CASE_COMMANDS[name];
  return checkBodyFields(spec.fields, body, options.allowHandlerFields ? spec.handlerSupplies : []);
}

/**
 * The typed command for a request body: the body is checked against the catalogue (400 naming
 * every field) and the handler's own data (CASE_COMMANDS.handlerSupplies, or a replaced field
 * such as facts with the application date) is laid over it. The one place where checked input
 * becomes a command's data, so handlers build commands without casting.
 */
export function caseCommandFromBody<N extends CaseCommandName>(
  name: N,
  body: Record<string, unknown>,
  supplied: Partial<CaseCommandOf<N>['data']>,
  envelope: CommandEnvelope,
): CaseCommandOf<N> {
  const problems = validateCommandBody(name, body);
  if (problems.length) throw validationError(problems);
  // Checked just above against the same catalogue that describes CaseCommandOf<N>['data'].
  const data: unknown = { ...body, ...supplied };
  return { type: name, actor: envelope.actor, at: envelope.at, data } as CaseCommandOf<N>;
}

/** Command name for a route segment, e.g. `return-for-supplement` -> `returnForSupplement`. */
export function commandForRoute(route: string): CaseCommandName | undefined {
  return (Object.keys(CASE_COMMANDS) as CaseCommandName[]).find((name) => CASE_COMMANDS[name].route === route);
}
