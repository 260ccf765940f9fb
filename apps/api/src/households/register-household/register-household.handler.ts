import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, forbidden, localDateOf, validationError } from '@casework/kernel';
import { canChangeHousehold, householdCommandFromBody, householdDecider, householdStreamId } from '@casework/domain';
import { handleCommand, type EventStore } from '@casework/event-store';
import { findUnit, UNITS } from '@casework/identity';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import { idempotencyKeyReused, requestHashOf } from '../../shared/idempotency';
import { nameBasedUuid } from '../../shared/name-based-uuid';
import { asHouseholdEvent, requireHousehold } from '../shared/household-stream';
import { toHouseholdView } from '../shared/household.view';
import { RegisterHouseholdCommand, RegisterHouseholdResult } from './register-household.command';

const STREET_OFFICES = UNITS.filter((u) => u.kind === 'street_office').map((u) => u.code);

/**
 * Registers a household on a new stream through handleCommand. With an Idempotency-Key the
 * household id and the command id derive from (user, key): a repeat, or a racing duplicate, lands
 * on the same stream and gets the first answer; the same key with another body is a 409 (the
 * request's hash is kept with HouseholdRegistered and compared by handleCommand). The body's shape
 * is checked first (a 400 names the field whoever sends it), then the caller's scope.
 */
@CommandHandler(RegisterHouseholdCommand)
export class RegisterHouseholdHandler implements ICommandHandler<RegisterHouseholdCommand, RegisterHouseholdResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: RegisterHouseholdCommand): Promise<RegisterHouseholdResult> {
    const at = this.clock.now().toISOString();
    const householdId = c.idempotencyKey ? nameBasedUuid('household', c.actor.userId, c.idempotencyKey) : randomUUID();
    // The shape first, as for every command: it says nothing about any household's data.
    const command = householdCommandFromBody('registerHousehold', c.body, householdId, { actor: c.actor, at });
    const body = c.body as Record<string, unknown>;
    const office = typeof body.streetOffice === 'string' ? body.streetOffice.trim() : null;
    if (office) {
      const access = canChangeHousehold(c.actor, { streetOffice: office });
      if (!access.allowed)
        throw forbidden('HOUSEHOLD_OUT_OF_SCOPE', `You may not register this household: ${access.reason}.`, {
          unit: c.actor.unit,
          role: c.actor.role,
        });
    }
    if (office && findUnit(office)?.kind !== 'street_office') {
      throw validationError([
        { field: 'streetOffice', reason: `is not a street office; known: ${STREET_OFFICES.join(', ')}` },
      ]);
    }
    const commandId = c.idempotencyKey
      ? nameBasedUuid('register-household', c.actor.userId, c.idempotencyKey)
      : randomUUID();
    const result = await handleCommand(this.store, householdDecider, {
      streamId: householdStreamId(householdId),
      expectedVersion: 0,
      context: {
        commandId,
        correlationId: c.correlationId,
        causationId: commandId,
        actor: c.actor,
        recordedAt: at,
        requestHash: c.idempotencyKey ? requestHashOf('registerHousehold', c.body) : undefined,
      },
      toEvent: asHouseholdEvent,
      requestReused: () => idempotencyKeyReused({ householdId }),
      // The stream exists and not by this command: the derived id belongs to another household.
      staleVersion: () =>
        new DomainError(
          'conflict',
          'HOUSEHOLD_ID_TAKEN',
          'A different household already has this id; use another Idempotency-Key.',
        ),
      command,
    });
    const state = requireHousehold(result.state, householdId);
    return {
      householdId,
      version: result.version,
      view: toHouseholdView(state, result.version, localDateOf(at), c.actor),
      replayed: result.duplicate,
    };
  }
}
