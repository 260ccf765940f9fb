import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, isIsoDate, localDateOf, validationError } from '@casework/kernel';
import { caseStreamId, decide, type CaseCommand, type CaseEvent, type OpenCaseState } from '@casework/domain';
import { AppendContext, EventStore } from '@casework/event-store';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import {
  evaluateEligibility,
  getProgramme,
  policyVersionInForce,
  readFact,
  reservationClaims,
  validateFacts,
  type ReservationClaim,
} from '@casework/policy';
import { claimReservations, releaseReservations } from '../shared/benefit-reservations';
import { applyEvents, checkUnitScope, loadCase } from '../shared/case-stream';
import { toCaseView } from '../shared/case.view';
import { ChangeCaseCommand, ChangeCaseResult } from './change-case.command';

/** The day the application was received: recorded as a fact when the case was opened. */
function applicationDateOf(state: OpenCaseState): string {
  const d = state.facts.applicationDate;
  return isIsoDate(d) ? d : localDateOf(state.openedAt);
}

function claimsOf(state: OpenCaseState): ReservationClaim[] {
  const programme = getProgramme(state.programme, state.policyVersion);
  return reservationClaims(state.programme, {
    beneficiaryKey: String(readFact(state.facts, programme.beneficiaryFact) ?? ''),
    period: state.period,
    facts: state.facts,
  });
}

/**
 * Reads the case stream, folds it, checks the client's version, lets the decider decide, and
 * appends with that version: a racing writer makes the append fail with 412, never a lost update.
 * Around it, only what the decider cannot do itself: evaluate eligibility (policy) and keep the
 * cross-case reservations in step (released on rejection or withdrawal, taken again on reopening).
 */
@CommandHandler(ChangeCaseCommand)
export class ChangeCaseHandler implements ICommandHandler<ChangeCaseCommand, ChangeCaseResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: ChangeCaseCommand): Promise<ChangeCaseResult> {
    const { actor, expectedVersion } = c.context;
    const at = this.clock.now().toISOString();
    const { state, version } = await loadCase(this.store, c.caseId);
    checkUnitScope(actor, state);
    if (expectedVersion !== null && expectedVersion !== version) {
      throw new DomainError(
        'stale_version',
        'STALE_VERSION',
        `The case has changed since you read it: you sent version ${expectedVersion}, it is now at version ${version}. Reload and try again.`,
        {
          expectedVersion,
          actualVersion: version,
        },
      );
    }
    const data = this.withHandlerData(c, state);
    const events = decide({ type: c.name, actor, at, data } as CaseCommand, state);
    const policyVersion =
      (data.eligibility as { policyVersion?: string } | undefined)?.policyVersion ?? state.policyVersion;
    const ctx: AppendContext = {
      commandId: c.context.commandId,
      correlationId: c.context.correlationId,
      causationId: c.context.commandId,
      actor,
      policyVersion,
      recordedAt: at,
    };

    if (c.name === 'reopen' && state.status === 'rejected')
      await claimReservations(this.store, c.caseId, claimsOf(state), ctx);
    const result = await this.store.append(caseStreamId(c.caseId), events, version, ctx);
    if (events.some((e) => e.type === 'CaseRejected' || e.type === 'CaseWithdrawn')) {
      await releaseReservations(
        this.store,
        c.caseId,
        claimsOf(state),
        `case ${events.some((e) => e.type === 'CaseRejected') ? 'rejected' : 'withdrawn'}`,
        ctx,
      );
    }
    const next = result.duplicate
      ? (await loadCase(this.store, c.caseId)).state
      : applyEvents(state, events as CaseEvent[]);
    return { version: result.nextExpectedVersion, view: toCaseView(next, result.nextExpectedVersion, actor) };
  }

  /** Adds what the handler supplies (CASE_COMMANDS.handlerSupplies): eligibility evaluated now. */
  private withHandlerData(c: ChangeCaseCommand, state: OpenCaseState): Record<string, unknown> {
    const applicationDate = applicationDateOf(state);
    if (c.name === 'resubmit') {
      const facts = c.body.facts;
      if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
        throw validationError([{ field: 'facts', reason: 'must be an object' }]);
      const problems = validateFacts(state.programme, facts as Record<string, unknown>);
      if (problems.length) throw validationError(problems);
      const withDate = { ...(facts as Record<string, unknown>), applicationDate };
      const version = policyVersionInForce(applicationDate);
      return {
        ...c.body,
        facts: withDate,
        eligibility: evaluateEligibility({
          programme: state.programme,
          policyVersion: version.id,
          applicationDate,
          facts: withDate,
        }),
      };
    }
    if (c.name === 'passDistrictReview') {
      const version = policyVersionInForce(applicationDate);
      return {
        ...c.body,
        eligibility: evaluateEligibility({
          programme: state.programme,
          policyVersion: version.id,
          applicationDate,
          facts: state.facts,
        }),
      };
    }
    return c.body;
  }
}
