import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, isIsoDate, localDateOf, validationError, type FieldProblem } from '@casework/kernel';
import {
  caseCommandFromBody,
  caseDecider,
  caseStreamId,
  validateCommandBody,
  type OpenCaseState,
} from '@casework/domain';
import { handleCommand, type EventStore } from '@casework/event-store';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import { PROGRAMME_CODES, evaluateEligibility, policyVersionInForce, validateFacts } from '@casework/policy';
import { reservationWrites } from '../shared/benefit-reservations';
import { asCaseEvent } from '../shared/case-stream';
import { toCaseView } from '../shared/case.view';
import { idempotencyKeyReused, requestHashOf } from '../../shared/idempotency';
import { nameBasedUuid } from '../../shared/name-based-uuid';
import { OpenCaseCommand, OpenCaseResult } from './open-case.command';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Opens a case: checks the application, evaluates eligibility under the policy version in force on
 * the application date, and lets handleCommand append CaseSubmitted to a new stream together with
 * the reservations of the cross-case limits, in one atomic append. With an Idempotency-Key the
 * command id and the case id derive from (user, key), so repeats and racing duplicates land on the
 * same stream and get the first answer; the same key with another body is a 409 (the request's hash
 * is kept with CaseSubmitted and compared by handleCommand).
 */
@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand, OpenCaseResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: OpenCaseCommand): Promise<OpenCaseResult> {
    const at = this.clock.now().toISOString();
    const { applicationDate: requestedDate, ...body } = c.body;
    const applicationDate = this.checkApplication(body, requestedDate, localDateOf(at));
    const programme = body.programme as string;
    const version = policyVersionInForce(applicationDate);
    // The application date is a fact of the application: later re-evaluations use it too.
    const facts = { ...(body.facts as Record<string, unknown>), applicationDate };
    const eligibility = evaluateEligibility({ programme, policyVersion: version.id, applicationDate, facts });
    const outside = eligibility.conditions.filter((r) => r.id.startsWith('window') && !r.passed);
    if (outside.length) {
      throw validationError(
        outside.map((r) => ({
          field: r.fact === 'applicationDate' ? 'applicationDate' : `facts.${r.fact}`,
          reason: `is outside the programme's window: ${r.description} ${r.clause}`,
        })),
      );
    }

    const caseId = c.idempotencyKey ? nameBasedUuid('case', c.actor.userId, c.idempotencyKey) : randomUUID();
    const commandId = c.idempotencyKey ? nameBasedUuid('open-case', c.actor.userId, c.idempotencyKey) : randomUUID();
    const command = caseCommandFromBody('submit', body, { facts, caseId, eligibility }, { actor: c.actor, at });
    const result = await handleCommand(this.store, caseDecider, {
      streamId: caseStreamId(caseId),
      expectedVersion: 0,
      context: {
        commandId,
        correlationId: c.correlationId,
        causationId: commandId,
        actor: c.actor,
        policyVersion: version.id,
        recordedAt: at,
        requestHash: c.idempotencyKey ? requestHashOf('submit', c.body) : undefined,
      },
      toEvent: asCaseEvent,
      requestReused: () => idempotencyKeyReused({ caseId }),
      // The stream exists and not by this command: the derived id belongs to another case.
      staleVersion: () =>
        new DomainError(
          'conflict',
          'CASE_ID_TAKEN',
          'A different case already has this id; use another Idempotency-Key.',
        ),
      command,
      alsoWrite: (decision) => reservationWrites(this.store, decision),
    });
    // handleCommand folds the command's own events in one key order, so a repeat gets these very bytes.
    const state = result.state as OpenCaseState;
    return {
      caseId: state.caseId,
      version: result.version,
      view: toCaseView(state, result.version, c.actor),
      replayed: result.duplicate,
    };
  }

  /** Every problem with the request at once, each naming its field. Returns the application date. */
  private checkApplication(body: Record<string, unknown>, requestedDate: unknown, today: string): string {
    const problems: FieldProblem[] = [...validateCommandBody('submit', body)];
    let applicationDate = today;
    if (requestedDate !== undefined) {
      if (!isIsoDate(requestedDate))
        problems.push({ field: 'applicationDate', reason: 'must be a date written YYYY-MM-DD' });
      else if (requestedDate > today)
        problems.push({ field: 'applicationDate', reason: `cannot be in the future (today is ${today})` });
      else applicationDate = requestedDate;
    }
    const programme = body.programme;
    if (typeof programme === 'string' && programme !== '' && !PROGRAMME_CODES.includes(programme)) {
      problems.push({
        field: 'programme',
        reason: `is not a programme of the policy; known: ${PROGRAMME_CODES.join(', ')}`,
      });
    } else if (typeof programme === 'string' && isObject(body.facts)) {
      problems.push(...validateFacts(programme, body.facts));
    }
    const period = body.period;
    if (isObject(period) && isIsoDate(period.from) && isIsoDate(period.to) && period.from > period.to) {
      problems.push({ field: 'period.to', reason: `must not be before the start of the period (${period.from})` });
    }
    if (problems.length) throw validationError(problems);
    return applicationDate;
  }
}
