import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, forbidden, localDateOf, validationError } from '@casework/kernel';
import { canChangeHousehold, householdCommandFromBody, householdDecider, householdStreamId } from '@casework/domain';
import { canonicalJson, handleCommand, type EventStore } from '@casework/event-store';
import { findUnit, UNITS } from '@casework/identity';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import { nameBasedUuid } from '../../shared/name-based-uuid';
import { asHouseholdEvent, requireHousehold } from '../shared/household-stream';
import { toHouseholdView } from '../shared/household.view';
import { RegisterHouseholdCommand, RegisterHouseholdResult } from './register-household.command';

const STREET_OFFICES = UNITS.filter((u) => u.kind === 'street_office').map((u) => u.code);

/** What must be equal for a repeated Idempotency-Key to be the same registration. */
const SAME_FIELDS = [
  'village',
  'streetOffice',
  'address',
  'headMemberId',
  'members',
  'status',
  'statusReason',
] as const;

/**
 * Registers a household on a new stream through handleCommand. With an Idempotency-Key the
 * household id and the command id derive from (user, key): a repeat, or a racing duplicate, lands
 * on the same stream and gets the first answer; the same key with a different household is a 409.
 */
@CommandHandler(RegisterHouseholdCommand)
export class RegisterHouseholdHandler implements ICommandHandler<RegisterHouseholdCommand, RegisterHouseholdResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: RegisterHouseholdCommand): Promise<RegisterHouseholdResult> {
    const body = c.body as Record<string, unknown> | null;
    // Scope before anything else: another street office learns nothing from our answers about its data.
    const office = typeof body?.streetOffice === 'string' ? body.streetOffice.trim() : null;
    if (office) {
      const access = canChangeHousehold(c.actor, { streetOffice: office });
      if (!access.allowed)
        throw forbidden('HOUSEHOLD_OUT_OF_SCOPE', `You may not register this household: ${access.reason}.`, {
          unit: c.actor.unit,
          role: c.actor.role,
        });
    }
    const at = this.clock.now().toISOString();
    const householdId = c.idempotencyKey ? nameBasedUuid('household', c.actor.userId, c.idempotencyKey) : randomUUID();
    const command = householdCommandFromBody('registerHousehold', c.body, householdId, { actor: c.actor, at });
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
      context: { commandId, correlationId: c.correlationId, causationId: commandId, actor: c.actor, recordedAt: at },
      toEvent: asHouseholdEvent,
      // The stream exists and not by this command: the derived id belongs to another household.
      staleVersion: () =>
        new DomainError(
          'conflict',
          'HOUSEHOLD_ID_TAKEN',
          'A different household already has this id; use another Idempotency-Key.',
        ),
      command,
    });
    if (result.duplicate) {
      // Compared as decide records them (trimmed, normalised), not as sent.
      const [stored] = result.events;
      const [wanted] = householdDecider.decide(command, householdDecider.initialState());
      const same =
        stored?.type === 'HouseholdRegistered' &&
        wanted?.type === 'HouseholdRegistered' &&
        SAME_FIELDS.every((k) => canonicalJson(stored.data[k]) === canonicalJson(wanted.data[k]));
      if (!same) {
        throw new DomainError(
          'conflict',
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used to register a different household; use a new key for a new household.',
          { householdId },
        );
      }
    }
    const state = requireHousehold(result.state, householdId);
    return {
      householdId,
      version: result.version,
      view: toHouseholdView(state, result.version, localDateOf(at), c.actor),
      replayed: result.duplicate,
    };
  }
}
