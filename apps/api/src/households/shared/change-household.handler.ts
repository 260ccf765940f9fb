import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { forbidden, localDateOf } from '@casework/kernel';
import {
  canChangeHousehold,
  canReadHousehold,
  householdCommandFromBody,
  householdDecider,
  householdStreamId,
} from '@casework/domain';
import { handleCommand, type EventStore } from '@casework/event-store';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import { parseIfMatch } from '../../shared/command-context';
import { commandIdFor, idempotencyKeyReused, requestHashOf } from '../../shared/idempotency';
import { ChangeHouseholdCommand, ChangeHouseholdResult } from './change-household.command';
import { asHouseholdEvent, checkHouseholdId, requireHousehold, staleHouseholdVersion } from './household-stream';
import { toHouseholdView } from './household.view';

/**
 * Every household command after registration, through handleCommand. The route has checked the
 * body's shape (400, as for cases); here the caller's scope (another street office gets 403), then
 * a repeated Idempotency-Key (the first answer, or 409 for another request), then If-Match (428
 * missing, 412 stale), then the decider, then one append with the version read.
 */
@CommandHandler(ChangeHouseholdCommand)
export class ChangeHouseholdHandler implements ICommandHandler<ChangeHouseholdCommand, ChangeHouseholdResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: ChangeHouseholdCommand): Promise<ChangeHouseholdResult> {
    const householdId = checkHouseholdId(c.householdId);
    const at = this.clock.now().toISOString();
    const build = () => householdCommandFromBody(c.type, c.body, householdId, { actor: c.actor, at });
    const commandId = commandIdFor('household', c.actor.userId, householdId, c.idempotencyKey);
    const result = await handleCommand(this.store, householdDecider, {
      streamId: householdStreamId(householdId),
      expectedVersion: () => parseIfMatch(c.ifMatch),
      context: {
        commandId,
        correlationId: c.correlationId,
        causationId: commandId,
        actor: c.actor,
        recordedAt: at,
        requestHash: c.idempotencyKey ? requestHashOf(c.type, c.body) : undefined,
      },
      toEvent: asHouseholdEvent,
      requestReused: () => idempotencyKeyReused({ householdId }),
      guard: (state) => {
        const household = requireHousehold(state, householdId);
        const access = canChangeHousehold(c.actor, household);
        if (!access.allowed) {
          const seen = canReadHousehold(c.actor, household).allowed;
          throw forbidden(
            'HOUSEHOLD_OUT_OF_SCOPE',
            `You may not ${seen ? 'change' : 'see or change'} this household: ${access.reason}.`,
            { unit: c.actor.unit, role: c.actor.role },
          );
        }
        // The body's shape before If-Match (the route checked it already; this is the typed command).
        build();
      },
      staleVersion: staleHouseholdVersion,
      command: build,
    });
    const after = requireHousehold(result.state, householdId);
    const readable = canReadHousehold(c.actor, after);
    return {
      householdId,
      version: result.version,
      events: result.events.map((e) => e.type),
      view:
        readable.allowed && !readable.mustRecordAccess
          ? toHouseholdView(after, result.version, localDateOf(at), c.actor)
          : null,
    };
  }
}
