import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, isIsoDate, localDateOf, validationError, type FieldProblem } from '@casework/kernel';
import {
  caseStreamId,
  decide,
  foldCase,
  initialCaseState,
  validateCommandBody,
  type Actor,
  type CaseEvent,
  type CaseSubmitted,
} from '@casework/domain';
import { AppendContext, ConcurrencyError, EventStore, RecordedEvent, canonicalJson } from '@casework/event-store';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import {
  PROGRAMME_CODES,
  evaluateEligibility,
  getProgramme,
  policyVersionInForce,
  readFact,
  reservationClaims,
  validateFacts,
} from '@casework/policy';
import { claimReservations, releaseSlots } from '../shared/benefit-reservations';
import { toCaseView } from '../shared/case.view';
import { nameBasedUuid } from '../../shared/name-based-uuid';
import { OpenCaseCommand, OpenCaseResult } from './open-case.command';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Opens a case: checks the application, evaluates eligibility under the policy version in force on
 * the application date, reserves the cross-case limits, then appends CaseSubmitted to a new stream.
 * With an Idempotency-Key the command id and the case id derive from (user, key), so repeats and
 * racing duplicates land on the same stream and get the first answer.
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
    const programmeCode = body.programme as string;
    const version = policyVersionInForce(applicationDate);
    // The application date is a fact of the application: later re-evaluations use it too.
    const facts = { ...(body.facts as Record<string, unknown>), applicationDate };
    const eligibility = evaluateEligibility({
      programme: programmeCode,
      policyVersion: version.id,
      applicationDate,
      facts,
    });
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
    const streamId = caseStreamId(caseId);
    const ctx: AppendContext = {
      commandId,
      correlationId: c.correlationId,
      causationId: commandId,
      actor: c.actor,
      policyVersion: version.id,
      recordedAt: at,
    };

    const events = decide(
      { type: 'submit', actor: c.actor, at, data: { ...(body as object), facts, caseId, eligibility } as never },
      initialCaseState(),
    );
    const submitted = events[0] as CaseSubmitted;

    const earlier = await this.firstEvent(streamId);
    if (earlier) return this.replay(earlier, commandId, submitted, c.actor);

    const programme = getProgramme(programmeCode, version.id);
    const claims = reservationClaims(programmeCode, {
      beneficiaryKey: String(readFact(facts, programme.beneficiaryFact) ?? ''),
      period: submitted.data.period,
      facts,
    });
    const held = await claimReservations(this.store, caseId, claims, ctx);
    try {
      const result = await this.store.append(streamId, events, 'no_stream', ctx);
      // Answer from the stored event, exactly as a repeat of this request will be answered.
      const first = await this.firstEvent(streamId);
      return { ...this.replay(first!, commandId, submitted, c.actor), replayed: result.duplicate };
    } catch (e) {
      if (e instanceof ConcurrencyError) {
        const first = await this.firstEvent(streamId);
        if (first) return this.replay(first, commandId, submitted, c.actor);
      }
      await releaseSlots(this.store, caseId, held, 'the application was not recorded', ctx);
      throw e;
    }
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

  private async firstEvent(streamId: string): Promise<RecordedEvent | undefined> {
    return (await this.store.readStream(streamId, { maxCount: 1 }))[0];
  }

  /** The answer to a repeated Idempotency-Key: the case as the first request left it. */
  private replay(first: RecordedEvent, commandId: string, wanted: CaseSubmitted, actor: Actor): OpenCaseResult {
    const stored = { type: first.type, data: first.data } as CaseEvent;
    if (first.metadata.commandId !== commandId || stored.type !== 'CaseSubmitted') {
      throw new DomainError(
        'conflict',
        'CASE_ID_TAKEN',
        'A different case already has this id; use another Idempotency-Key.',
      );
    }
    const same = (['programme', 'beneficiary', 'facts', 'period'] as const).every(
      (k) => canonicalJson(stored.data[k]) === canonicalJson(wanted.data[k]),
    );
    if (!same) {
      throw new DomainError(
        'conflict',
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different application; use a new key for a new application.',
        { caseId: stored.data.caseId },
      );
    }
    return { caseId: stored.data.caseId, version: 1, view: toCaseView(foldCase([stored]), 1, actor), replayed: true };
  }
}
