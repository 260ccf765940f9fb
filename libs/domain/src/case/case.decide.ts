import {
  addWorkingDays,
  DomainError,
  forbidden,
  illegalTransition,
  validationError,
  type FieldProblem,
  addMonths,
  isIsoInstant,
  localDateOf,
} from '@casework/kernel';
import {
  getProgramme,
  isProgrammeClause,
  validateCreditCode,
  validateResidentId,
  type EligibilityResult,
} from '@casework/policy';
import { ROLES } from '../shared/actor';
import { validateCommandBody } from './case.catalogue';
import type { CaseCommand, CaseCommandOf } from './case.commands';
import type { CaseEvent, CaseRejected, Instalment } from './case.events';
import { currentNotice, type CaseState, type InstalmentState, type OpenCaseState } from './case.state';
import { allowedCommands, CASE_TRANSITIONS } from './case.transitions';
import { checkSeparationOfDuties } from './separation-of-duties';

/** Working days of a public notice when the policy version sets none. */
export const DEFAULT_NOTICE_WORKING_DAYS = 5;

const invalid = (field: string, reason: string) => validationError([{ field, reason }]);
const refused = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('illegal_state', code, message, details);

/** Null for absent or blank optional text, so events carry either words or null. */
const text = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

function checkEnvelope(command: CaseCommand): void {
  const problems: FieldProblem[] = [];
  const actor = command.actor as Partial<CaseCommand['actor']> | undefined;
  if (!actor || typeof actor.userId !== 'string' || actor.userId.trim() === '')
    problems.push({ field: 'actor.userId', reason: 'is required' });
  if (!actor || !ROLES.includes(actor.role as (typeof ROLES)[number]))
    problems.push({ field: 'actor.role', reason: `must be one of: ${ROLES.join(', ')}` });
  if (!actor || typeof actor.unit !== 'string' || actor.unit.trim() === '')
    problems.push({ field: 'actor.unit', reason: 'is required' });
  if (!isIsoInstant(command.at))
    problems.push({ field: 'at', reason: 'must be an ISO-8601 instant, e.g. 2020-09-30T02:00:00Z' });
  if (problems.length) throw validationError(problems);
}

/** The table first: is the command legal here, and for this role? */
function checkTransition(command: CaseCommand, state: CaseState): void {
  if (state.status === 'none' && command.type !== 'submit') {
    throw new DomainError(
      'not_found',
      'CASE_NOT_FOUND',
      `There is no case to ${command.type}: it was never submitted.`,
      { command: command.type },
    );
  }
  const rule = CASE_TRANSITIONS[state.status][command.type];
  if (!rule) throw illegalTransition(state.status, command.type, allowedCommands(state.status));
  if (!rule.roles.includes(command.actor.role)) {
    throw forbidden(
      'ROLE_NOT_ALLOWED',
      `The role ${command.actor.role} may not ${command.type} a case in state "${state.status}"; allowed roles: ${rule.roles.join(', ')}.`,
      {
        role: command.actor.role,
        command: command.type,
        state: state.status,
        allowedRoles: [...rule.roles],
      },
    );
  }
}

function checkEligibility(e: EligibilityResult | undefined, programme: string): EligibilityResult {
  if (!e || typeof e !== 'object' || !Array.isArray(e.conditions))
    throw invalid('eligibility', 'is required (the handler evaluates it)');
  if (e.programme !== programme)
    throw invalid(
      'eligibility.programme',
      `was evaluated for ${e.programme}, not for the case's programme ${programme}`,
    );
  if (typeof e.policyVersion !== 'string' || e.policyVersion.trim() === '')
    throw invalid('eligibility.policyVersion', 'is required');
  return e;
}

function requireEligible(e: EligibilityResult): void {
  if (e.eligible) return;
  const failed = e.conditions.filter((c) => !c.passed);
  throw refused(
    'NOT_ELIGIBLE',
    `The rules of policy version ${e.policyVersion} find the application not eligible: ${failed.map((c) => `${c.description} ${c.clause}`).join('; ') || 'no amount applies'}. Reject it citing the clause instead.`,
    {
      policyVersion: e.policyVersion,
      failedConditions: failed.map((c) => c.id),
    },
  );
}

function findInstalment(state: OpenCaseState, n: number): InstalmentState {
  const found = state.instalments.find((i) => i.number === n);
  if (!found) {
    const range = state.instalments.length ? `instalments 1 to ${state.instalments.length}` : 'no instalments';
    throw invalid('instalmentNumber', `there is no instalment ${n}; this case has ${range}`);
  }
  return found;
}

const pendingInstalments = (state: OpenCaseState) =>
  state.instalments.filter((i) => i.status === 'scheduled' || i.status === 'failed').map((i) => i.number);

function openRecovery(state: OpenCaseState) {
  if (state.status !== 'in_recovery') throw refused('NO_OPEN_RECOVERY', 'This case has no open recovery.');
  return state.recovery;
}

function submit(c: CaseCommandOf<'submit'>): CaseEvent[] {
  const { caseId, programme, beneficiary, facts, period } = c.data;
  if (typeof caseId !== 'string' || caseId.trim() === '')
    throw invalid('caseId', 'is required (the handler assigns it)');
  const problems: FieldProblem[] = [];
  if (beneficiary.kind === 'person') {
    const r =
      typeof beneficiary.idNumber === 'string'
        ? validateResidentId(beneficiary.idNumber)
        : { ok: false as const, reason: 'is required for a person' };
    if (!r.ok) problems.push({ field: 'beneficiary.idNumber', reason: r.reason });
    if ('creditCode' in beneficiary && beneficiary.creditCode !== undefined)
      problems.push({ field: 'beneficiary.creditCode', reason: 'is for an enterprise; a person has an ID number' });
  } else {
    const r =
      typeof beneficiary.creditCode === 'string'
        ? validateCreditCode(beneficiary.creditCode)
        : { ok: false as const, reason: 'is required for an enterprise' };
    if (!r.ok) problems.push({ field: 'beneficiary.creditCode', reason: r.reason });
    if ('idNumber' in beneficiary && beneficiary.idNumber !== undefined)
      problems.push({ field: 'beneficiary.idNumber', reason: 'is for a person; an enterprise has a credit code' });
  }
  if (period.from > period.to)
    problems.push({ field: 'period.to', reason: `must not be before the start of the period (${period.from})` });
  if (problems.length) throw validationError(problems);
  const eligibility = checkEligibility(c.data.eligibility, programme);
  const cleanBeneficiary =
    beneficiary.kind === 'person'
      ? { kind: 'person' as const, idNumber: beneficiary.idNumber.toUpperCase(), name: beneficiary.name.trim() }
      : {
          kind: 'enterprise' as const,
          creditCode: beneficiary.creditCode.toUpperCase(),
          name: beneficiary.name.trim(),
        };
  return [
    {
      type: 'CaseSubmitted',
      data: {
        by: c.actor,
        at: c.at,
        caseId,
        programme,
        beneficiary: cleanBeneficiary,
        facts,
        period: { from: period.from, to: period.to },
        policyVersion: eligibility.policyVersion,
        eligibility,
        unit: c.actor.unit,
      },
    },
  ];
}

function startPublicNotice(c: CaseCommandOf<'startPublicNotice'>, state: OpenCaseState): CaseEvent[] {
  const today = localDateOf(c.at);
  const startsOn = c.data.startsOn ?? today;
  if (startsOn < today) throw invalid('startsOn', `cannot be in the past (today is ${today})`);
  const workingDays = c.data.workingDays ?? DEFAULT_NOTICE_WORKING_DAYS;
  // The day it is posted does not count (期间开始的日，不计算在期间内): N full working days follow it.
  const endsOn = addWorkingDays(startsOn, workingDays);
  return [
    {
      type: 'PublicNoticeStarted',
      data: { by: c.actor, at: c.at, noticeNumber: state.notices.length + 1, startsOn, workingDays, endsOn },
    },
  ];
}

function resolveObjection(c: CaseCommandOf<'resolveObjection'>, state: OpenCaseState): CaseEvent[] {
  const { objectionNumber, outcome, resolution, next, clause } = c.data;
  const notice = currentNotice(state);
  const objection = state.objections.find(
    (o) => o.objectionNumber === objectionNumber && o.noticeNumber === notice?.noticeNumber,
  );
  if (!objection)
    throw invalid('objectionNumber', `there is no objection ${objectionNumber} on the current public notice`);
  if (objection.status !== 'open')
    throw new DomainError(
      'conflict',
      'OBJECTION_ALREADY_RESOLVED',
      `Objection ${objectionNumber} was already resolved (${objection.status}).`,
      { objectionNumber },
    );
  if (outcome === 'upheld' && next === undefined)
    throw invalid('next', 'is required when the objection is upheld: review (back to district review) or reject');
  if (outcome === 'dismissed' && next !== undefined) throw invalid('next', 'applies only to an upheld objection');
  if (next === 'reject' && text(clause) === null)
    throw invalid('clause', 'is required to reject: cite the clause the case fails');
  if (next !== 'reject' && clause !== undefined) throw invalid('clause', 'applies only when the case is rejected');
  const events: CaseEvent[] = [
    {
      type: 'ObjectionResolved',
      data: { by: c.actor, at: c.at, objectionNumber, outcome, resolution: resolution.trim(), next: next ?? null },
    },
  ];
  if (next === 'reject') {
    const rejected: CaseRejected = {
      type: 'CaseRejected',
      data: {
        by: c.actor,
        at: c.at,
        clause: (clause as string).trim(),
        reason: resolution.trim(),
        atStep: state.status,
      },
    };
    events.push(rejected);
  }
  return events;
}

function endPublicNotice(c: CaseCommandOf<'endPublicNotice'>, state: OpenCaseState): CaseEvent[] {
  const notice = currentNotice(state);
  if (!notice) throw refused('NO_PUBLIC_NOTICE', 'No public notice is running on this case.');
  const today = localDateOf(c.at);
  if (today <= notice.endsOn) {
    throw refused(
      'PUBLIC_NOTICE_RUNNING',
      `The public notice runs until ${notice.endsOn} inclusive (${notice.workingDays} working days from ${notice.startsOn}); it can be ended after that day.`,
      { endsOn: notice.endsOn, today },
    );
  }
  const open = state.objections
    .filter((o) => o.noticeNumber === notice.noticeNumber && o.status === 'open')
    .map((o) => o.objectionNumber);
  if (open.length)
    throw refused(
      'OBJECTIONS_OPEN',
      `Objections ${open.join(', ')} are still open; resolve them before ending the public notice.`,
      { openObjections: open },
    );
  return [{ type: 'PublicNoticeEnded', data: { by: c.actor, at: c.at, noticeNumber: notice.noticeNumber } }];
}

function approve(c: CaseCommandOf<'approve'>, state: OpenCaseState): CaseEvent[] {
  if (!isProgrammeClause(state.programme, state.policyVersion, c.data.clause))
    throw invalid(
      'clause',
      `须为本项目的政策条款之一（${getProgramme(state.programme, state.policyVersion).clauses.join('、')}），不能引用其他条款`,
    );
  requireEligible(state.eligibility);
  const amount = state.eligibility.amount;
  return [
    {
      type: 'CaseApproved',
      data: {
        by: c.actor,
        at: c.at,
        clause: c.data.clause.trim(),
        policyVersion: state.policyVersion,
        amountFen: amount?.totalFen ?? 0,
        formula: amount?.formula ?? null,
        schedule: amount?.schedule ?? { kind: 'none' },
        note: text(c.data.note),
      },
    },
  ];
}

function schedulePayout(c: CaseCommandOf<'schedulePayout'>, state: OpenCaseState): CaseEvent[] {
  if (state.status !== 'approved') throw refused('NOT_APPROVED', 'Only an approved case can be scheduled for payout.');
  const { schedule } = state.approval;
  const first = c.data.firstDueOn;
  let instalments: Instalment[];
  switch (schedule.kind) {
    case 'none':
      throw refused('NO_PAYOUT', 'This case was approved without a payout; close it instead.');
    case 'one_off':
      instalments = [{ number: 1, dueOn: first, amountFen: schedule.amountFen }];
      break;
    case 'monthly':
      instalments = Array.from({ length: schedule.months }, (_, i) => ({
        number: i + 1,
        dueOn: addMonths(first, i),
        amountFen: schedule.monthlyFen,
      }));
      break;
    default: {
      const _exhaustive: never = schedule;
      throw new Error(`Unknown payout schedule ${JSON.stringify(_exhaustive)}`);
    }
  }
  return [{ type: 'PayoutScheduled', data: { by: c.actor, at: c.at, kind: schedule.kind, instalments } }];
}

function recordDisbursement(c: CaseCommandOf<'recordDisbursement'>, state: OpenCaseState): CaseEvent[] {
  const i = findInstalment(state, c.data.instalmentNumber);
  if (i.status === 'disbursed')
    throw new DomainError(
      'conflict',
      'INSTALMENT_ALREADY_DISBURSED',
      `Instalment ${i.number} was already paid (reference ${i.reference}).`,
      { instalmentNumber: i.number },
    );
  if (i.status !== 'scheduled')
    throw refused(
      'INSTALMENT_NOT_PAYABLE',
      `Instalment ${i.number} is ${i.status}; ${i.status === 'failed' ? 'retry it first' : 'it may not be paid'}.`,
      { instalmentNumber: i.number, instalmentStatus: i.status },
    );
  return [
    {
      type: 'InstalmentDisbursed',
      data: {
        by: c.actor,
        at: c.at,
        instalmentNumber: i.number,
        amountFen: i.amountFen,
        reference: c.data.reference.trim(),
      },
    },
  ];
}

function recordPaymentFailure(c: CaseCommandOf<'recordPaymentFailure'>, state: OpenCaseState): CaseEvent[] {
  const i = findInstalment(state, c.data.instalmentNumber);
  if (i.status !== 'scheduled')
    throw refused(
      'INSTALMENT_NOT_PAYABLE',
      `Instalment ${i.number} is ${i.status}; only a scheduled payment can fail.`,
      { instalmentNumber: i.number, instalmentStatus: i.status },
    );
  return [
    {
      type: 'InstalmentPaymentFailed',
      data: { by: c.actor, at: c.at, instalmentNumber: i.number, reason: c.data.reason.trim() },
    },
  ];
}

function retryPayment(c: CaseCommandOf<'retryPayment'>, state: OpenCaseState): CaseEvent[] {
  const i = findInstalment(state, c.data.instalmentNumber);
  if (i.status !== 'failed')
    throw refused(
      'INSTALMENT_NOT_FAILED',
      `Instalment ${i.number} is ${i.status}; only a failed payment can be retried.`,
      { instalmentNumber: i.number, instalmentStatus: i.status },
    );
  const today = localDateOf(c.at);
  const dueOn = c.data.dueOn ?? today;
  if (dueOn < today) throw invalid('dueOn', `cannot be in the past (today is ${today})`);
  return [{ type: 'InstalmentPaymentRetried', data: { by: c.actor, at: c.at, instalmentNumber: i.number, dueOn } }];
}

function close(c: CaseCommandOf<'close'>, state: OpenCaseState): CaseEvent[] {
  if (state.status === 'approved' && state.approval.schedule.kind !== 'none') {
    throw refused(
      'PAYOUT_NOT_SCHEDULED',
      'This case was approved with a payout; schedule it (or suspend the case) before closing.',
    );
  }
  const pending = state.status === 'in_payout' ? pendingInstalments(state) : [];
  if (pending.length)
    throw refused(
      'INSTALMENTS_PENDING',
      `Instalments ${pending.join(', ')} are not paid yet; pay them or suspend the case before closing.`,
      { pendingInstalments: pending },
    );
  const due = state.followUps.filter((f) => f.recordedAt === null).map((f) => f.followUpNumber);
  if (due.length)
    throw refused('FOLLOW_UP_OUTSTANDING', `Follow-ups ${due.join(', ')} are not recorded yet.`, {
      openFollowUps: due,
    });
  return [{ type: 'CaseClosed', data: { by: c.actor, at: c.at, reason: text(c.data.reason) } }];
}

function reopen(c: CaseCommandOf<'reopen'>, state: OpenCaseState): CaseEvent[] {
  const reason = c.data.reason.trim();
  if (state.status === 'closed')
    return [
      { type: 'CaseReopened', data: { by: c.actor, at: c.at, reason, from: 'closed', to: state.closure.reopensTo } },
    ];
  if (state.status === 'rejected')
    return [{ type: 'CaseReopened', data: { by: c.actor, at: c.at, reason, from: 'rejected', to: 'accepted' } }];
  throw refused('NOT_REOPENABLE', `A case in state ${state.status} cannot be reopened.`);
}

function openRecoveryCase(c: CaseCommandOf<'openRecovery'>, state: OpenCaseState): CaseEvent[] {
  const claimed = state.recoveries.reduce((sum, r) => sum + r.amountOwedFen, 0);
  const recoverable = state.disbursedFen - claimed;
  if (recoverable <= 0) throw invalid('amountOwedFen', 'nothing paid on this case is left to recover');
  if (c.data.amountOwedFen > recoverable)
    throw invalid('amountOwedFen', `must not exceed what was paid and not yet claimed back: ${recoverable} fen`);
  return [
    {
      type: 'RecoveryOpened',
      data: {
        by: c.actor,
        at: c.at,
        amountOwedFen: c.data.amountOwedFen,
        reason: c.data.reason.trim(),
        clause: text(c.data.clause),
        stoppedInstalments: pendingInstalments(state),
      },
    },
  ];
}

function recordRepayment(c: CaseCommandOf<'recordRepayment'>, state: OpenCaseState): CaseEvent[] {
  const r = openRecovery(state);
  if (r.outstandingFen === 0) throw invalid('amountFen', 'nothing is owed any more');
  if (c.data.amountFen > r.outstandingFen)
    throw invalid('amountFen', `must not exceed the amount still owed: ${r.outstandingFen} fen`);
  return [
    {
      type: 'RepaymentRecorded',
      data: { by: c.actor, at: c.at, amountFen: c.data.amountFen, reference: c.data.reference.trim() },
    },
  ];
}

function requestWriteOff(c: CaseCommandOf<'requestWriteOff'>, state: OpenCaseState): CaseEvent[] {
  const r = openRecovery(state);
  if (r.writeOff?.status === 'requested')
    throw new DomainError(
      'conflict',
      'WRITE_OFF_ALREADY_REQUESTED',
      `A write-off of ${r.writeOff.amountFen} fen is already waiting for approval.`,
    );
  if (r.outstandingFen === 0) throw refused('NOTHING_OWED', 'Nothing is owed, so there is nothing to write off.');
  return [
    {
      type: 'WriteOffRequested',
      data: { by: c.actor, at: c.at, amountFen: r.outstandingFen, reason: c.data.reason.trim() },
    },
  ];
}

function approveWriteOff(c: CaseCommandOf<'approveWriteOff'>, state: OpenCaseState): CaseEvent[] {
  const r = openRecovery(state);
  if (r.writeOff?.status !== 'requested')
    throw refused('NO_WRITE_OFF_REQUESTED', 'No write-off is waiting for approval.');
  if (r.outstandingFen === 0)
    throw refused(
      'NOTHING_OWED',
      'Everything has been repaid since the write-off was requested; nothing is left to write off.',
    );
  // Repayments may arrive after the request: only what is still owed is written off.
  return [
    { type: 'WriteOffApproved', data: { by: c.actor, at: c.at, amountFen: r.outstandingFen, note: text(c.data.note) } },
  ];
}

function settleRecovery(c: CaseCommandOf<'settleRecovery'>, state: OpenCaseState): CaseEvent[] {
  const r = openRecovery(state);
  if (r.outstandingFen > 0)
    throw refused(
      'RECOVERY_OUTSTANDING',
      `${r.outstandingFen} fen is still owed; record repayments or have a write-off approved first.`,
      { outstandingFen: r.outstandingFen },
    );
  return [{ type: 'RecoverySettled', data: { by: c.actor, at: c.at, note: text(c.data.note) } }];
}

/** The catalogue reads a null field as not given (JSON clients send null for "none"); the steps must too. */
function omitNulls<C extends CaseCommand>(command: C): C {
  return { ...command, data: Object.fromEntries(Object.entries(command.data).filter(([, v]) => v !== null)) };
}

/**
 * The case decider: the transition table, then the role, then separation of duties, then the
 * command's fields, then the rules of the step. Returns the events to append, or throws DomainError.
 */
export function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
  checkEnvelope(command);
  checkTransition(command, state);
  if (command.type === 'submit') {
    const problems = validateCommandBody('submit', command.data, { allowHandlerFields: true });
    if (problems.length) throw validationError(problems);
    return submit(omitNulls(command));
  }
  const s = state as OpenCaseState;
  checkSeparationOfDuties(command, s);
  const problems = validateCommandBody(command.type, command.data, { allowHandlerFields: true });
  if (problems.length) throw validationError(problems);
  command = omitNulls(command);
  const stamp = { by: command.actor, at: command.at };

  switch (command.type) {
    case 'accept':
      return [{ type: 'CaseAccepted', data: stamp }];
    case 'returnForSupplement':
      return [{ type: 'CaseReturnedForSupplement', data: { ...stamp, reason: command.data.reason.trim() } }];
    case 'resubmit': {
      const eligibility = checkEligibility(command.data.eligibility, s.programme);
      return [
        {
          type: 'CaseResubmitted',
          data: {
            ...stamp,
            facts: command.data.facts,
            policyVersion: eligibility.policyVersion,
            eligibility,
            note: text(command.data.note),
          },
        },
      ];
    }
    case 'passPreliminaryReview':
      return [{ type: 'PreliminaryReviewPassed', data: { ...stamp, opinion: text(command.data.opinion) } }];
    case 'passDistrictReview': {
      const eligibility = checkEligibility(command.data.eligibility, s.programme);
      requireEligible(eligibility);
      return [
        {
          type: 'DistrictReviewPassed',
          data: {
            ...stamp,
            opinion: text(command.data.opinion),
            policyVersion: eligibility.policyVersion,
            eligibility,
          },
        },
      ];
    }
    case 'startPublicNotice':
      return startPublicNotice(command, s);
    case 'raiseObjection': {
      const notice = currentNotice(s);
      if (!notice) throw refused('NO_PUBLIC_NOTICE', 'No public notice is running on this case.');
      return [
        {
          type: 'ObjectionRaised',
          data: {
            ...stamp,
            noticeNumber: notice.noticeNumber,
            objectionNumber: s.objections.length + 1,
            summary: command.data.summary.trim(),
            objector: text(command.data.objector),
          },
        },
      ];
    }
    case 'resolveObjection':
      return resolveObjection(command, s);
    case 'endPublicNotice':
      return endPublicNotice(command, s);
    case 'approve':
      return approve(command, s);
    case 'reject':
      return [
        {
          type: 'CaseRejected',
          data: { ...stamp, clause: command.data.clause.trim(), reason: command.data.reason.trim(), atStep: s.status },
        },
      ];
    case 'schedulePayout':
      return schedulePayout(command, s);
    case 'recordDisbursement':
      return recordDisbursement(command, s);
    case 'recordPaymentFailure':
      return recordPaymentFailure(command, s);
    case 'retryPayment':
      return retryPayment(command, s);
    case 'suspend':
      return [
        {
          type: 'CaseSuspended',
          data: {
            ...stamp,
            reason: command.data.reason.trim(),
            clause: text(command.data.clause),
            stoppedInstalments: pendingInstalments(s),
          },
        },
      ];
    case 'resume':
      return [
        {
          type: 'CaseResumed',
          data: {
            ...stamp,
            reason: command.data.reason.trim(),
            resumedInstalments: s.instalments.filter((i) => i.status === 'stopped').map((i) => i.number),
          },
        },
      ];
    case 'scheduleFollowUp':
      return [
        {
          type: 'FollowUpScheduled',
          data: {
            ...stamp,
            followUpNumber: s.followUps.length + 1,
            purpose: command.data.purpose.trim(),
            dueOn: addMonths(localDateOf(command.at), command.data.afterMonths),
          },
        },
      ];
    case 'recordFollowUp': {
      const f = s.followUps.find((x) => x.followUpNumber === command.data.followUpNumber);
      if (!f) throw invalid('followUpNumber', `there is no follow-up ${command.data.followUpNumber} on this case`);
      if (f.recordedAt !== null)
        throw new DomainError(
          'conflict',
          'FOLLOW_UP_ALREADY_RECORDED',
          `Follow-up ${f.followUpNumber} was already recorded at ${f.recordedAt}.`,
        );
      return [
        {
          type: 'FollowUpRecorded',
          data: {
            ...stamp,
            followUpNumber: f.followUpNumber,
            finding: command.data.finding.trim(),
            contractInForce: command.data.contractInForce ?? null,
          },
        },
      ];
    }
    case 'close':
      return close(command, s);
    case 'withdraw':
      return [{ type: 'CaseWithdrawn', data: { ...stamp, reason: command.data.reason.trim() } }];
    case 'reopen':
      return reopen(command, s);
    case 'openRecovery':
      return openRecoveryCase(command, s);
    case 'recordRepayment':
      return recordRepayment(command, s);
    case 'requestWriteOff':
      return requestWriteOff(command, s);
    case 'approveWriteOff':
      return approveWriteOff(command, s);
    case 'settleRecovery':
      return settleRecovery(command, s);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown case command ${(_exhaustive as CaseCommand).type}`);
    }
  }
}
