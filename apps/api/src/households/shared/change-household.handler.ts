import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, forbidden, localDateOf } from '@casework/kernel';
import {
  canChangeHousehold,
  canReadHousehold,
  decideHousehold,
  evolveHousehold,
  householdStreamId,
  type HouseholdCommand,
  type RegisteredHousehold,
} from '@casework/domain';
import type { EventStore } from '@casework/event-store';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import { parseIfMatch } from '../../shared/command-context';
import { ChangeHouseholdCommand, ChangeHouseholdResult } from './change-household.command';
import { checkHouseholdBody } from './household-body';
import { checkHouseholdId, loadHousehold } from './household-stream';
import { toHouseholdView } from './household.view';

/**
 * Every household command after registration: scope first (another street office gets 403 before
 * anything else is looked at), then the body's shape (400, as for cases), then If-Match (428
 * missing, 412 stale), then the decider, then one append with the version read. One append is
 * one write: all or nothing.
 */
@CommandHandler(ChangeHouseholdCommand)
export class ChangeHouseholdHandler implements ICommandHandler<ChangeHouseholdCommand, ChangeHouseholdResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: ChangeHouseholdCommand): Promise<ChangeHouseholdResult> {
    const householdId = checkHouseholdId(c.householdId);
    const { state, version } = await loadHousehold(this.store, householdId);
    const access = canChangeHousehold(c.actor, state);
    if (!access.allowed) {
      const seen = canReadHousehold(c.actor, state).allowed;
      throw forbidden(
        'HOUSEHOLD_OUT_OF_SCOPE',
        `You may not ${seen ? 'change' : 'see or change'} this household: ${access.reason}.`,
        { unit: c.actor.unit, role: c.actor.role },
      );
    }
    const body = checkHouseholdBody(c.type, c.body);
    const expected = parseIfMatch(c.ifMatch);
    if (expected !== version) {
      throw new DomainError(
        'stale_version',
        'STALE_VERSION',
        `The household changed since you read it (you sent version ${expected}, it is now at ${version}). Reload and try again.`,
        {
          expectedVersion: expected,
          actualVersion: version,
        },
      );
    }
    const at = this.clock.now().toISOString();
    const command = { type: c.type, data: { ...body, householdId }, actor: c.actor, at } as HouseholdCommand;
    const events = decideHousehold(command, state);
    let next = version;
    if (events.length > 0) {
      const commandId = randomUUID();
      const result = await this.store.append(householdStreamId(householdId), events, version, {
        commandId,
        correlationId: c.correlationId,
        causationId: commandId,
        actor: c.actor,
        recordedAt: at,
      });
      next = result.nextExpectedVersion;
    }
    const after = events.reduce(evolveHousehold, state) as RegisteredHousehold;
    const readable = canReadHousehold(c.actor, after);
    return {
      householdId,
      version: next,
      events: events.map((e) => e.type),
      view:
        readable.allowed && !readable.mustRecordAccess ? toHouseholdView(after, next, localDateOf(at), c.actor) : null,
    };
  }
}
