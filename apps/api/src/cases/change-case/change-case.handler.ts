import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  caseCommandFromBody,
  caseDecider,
  caseStreamId,
  type CaseCommand,
  type CaseState,
  type CommandEnvelope,
  type OpenCaseState,
} from '@casework/domain';
import { isIsoDate, localDateOf, validationError } from '@casework/kernel';
import { handleCommand, type EventStore } from '@casework/event-store';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import { evaluateEligibility, policyVersionInForce, validateFacts } from '@casework/policy';
import { reservationWrites } from '../shared/benefit-reservations';
import { asCaseEvent, caseNotFound, checkUnitScope, staleCaseVersion } from '../shared/case-stream';
import { idempotencyKeyReused } from '../../shared/idempotency';
import { toCaseView } from '../shared/case.view';
import { ChangeCaseCommand, ChangeCaseResult } from './change-case.command';

/** The day the application was received: recorded as a fact when the case was opened. */
function applicationDateOf(state: OpenCaseState): string {
  const d = state.facts.applicationDate;
  return isIsoDate(d) ? d : localDateOf(state.openedAt);
}

/**
 * Any command on an existing case, through handleCommand: the case stream read and folded, a
 * repeated command answered first, the client's version checked, then decide and one atomic
 * append of the case's events with the reservation writes they imply (released on rejection or
 * withdrawal, taken again on reopening). What this handler adds is the command's enrichment:
 * eligibility evaluated under the policy version in force on the application date.
 */
@CommandHandler(ChangeCaseCommand)
export class ChangeCaseHandler implements ICommandHandler<ChangeCaseCommand, ChangeCaseResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: ChangeCaseCommand): Promise<ChangeCaseResult> {
    const { actor, expectedVersion, commandId, correlationId, requestHash } = c.context;
    const at = this.clock.now().toISOString();
    const result = await handleCommand(this.store, caseDecider, {
      streamId: caseStreamId(c.caseId),
      expectedVersion,
      context: { commandId, correlationId, causationId: commandId, actor, recordedAt: at, requestHash },
      toEvent: asCaseEvent,
      guard: (state) => {
        if (state.status === 'none') throw caseNotFound(c.caseId);
        checkUnitScope(actor, state);
      },
      requestReused: () => idempotencyKeyReused({ caseId: c.caseId }),
      staleVersion: staleCaseVersion,
      command: (state) => this.command(c, state as OpenCaseState, { actor, at }),
      metadata: (command, state) => ({ policyVersion: policyVersionOf(command, state) }),
      alsoWrite: (decision) => reservationWrites(this.store, decision),
    });
    return { version: result.version, view: toCaseView(result.state, result.version, actor) };
  }

  /** The typed command, with what the handler supplies (CASE_COMMANDS.handlerSupplies): eligibility evaluated now. */
  private command(c: ChangeCaseCommand, state: OpenCaseState, envelope: CommandEnvelope): CaseCommand {
    const applicationDate = applicationDateOf(state);
    const evaluate = (facts: Record<string, unknown>) =>
      evaluateEligibility({
        programme: state.programme,
        policyVersion: policyVersionInForce(applicationDate).id,
        applicationDate,
        facts,
      });
    if (c.name === 'resubmit') {
      const facts = c.body.facts;
      if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
        throw validationError([{ field: 'facts', reason: 'must be an object' }]);
      const problems = validateFacts(state.programme, facts as Record<string, unknown>);
      if (problems.length) throw validationError(problems);
      const withDate = { ...(facts as Record<string, unknown>), applicationDate };
      return caseCommandFromBody('resubmit', c.body, { facts: withDate, eligibility: evaluate(withDate) }, envelope);
    }
    if (c.name === 'passDistrictReview') {
      return caseCommandFromBody('passDistrictReview', c.body, { eligibility: evaluate(state.facts) }, envelope);
    }
    return caseCommandFromBody(c.name, c.body, {}, envelope);
  }
}

/** The policy version an event was decided under: the one just evaluated, or the case's. */
function policyVersionOf(command: CaseCommand, state: CaseState): string | null {
  if (command.type === 'resubmit' || command.type === 'passDistrictReview' || command.type === 'submit')
    return command.data.eligibility.policyVersion;
  return state.status === 'none' ? null : state.policyVersion;
}
