import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, forbidden, localDateOf, validationError } from '@casework/kernel';
import {
  canChangeHousehold,
  decideHousehold,
  foldHousehold,
  householdStreamId,
  initialHouseholdState,
  type HouseholdCommand,
  type HouseholdEvent,
  type HouseholdEventOf,
  type RegisteredHousehold,
} from '@casework/domain';
import {
  ConcurrencyError,
  type AppendContext,
  type EventStore,
  type RecordedEvent,
  canonicalJson,
} from '@casework/event-store';
import { findUnit, UNITS } from '@casework/identity';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import { nameBasedUuid } from '../../shared/name-based-uuid';
import { checkHouseholdBody } from '../shared/household-body';
import { asHouseholdEvent } from '../shared/household-stream';
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
 * Registers a household on a new stream. With an Idempotency-Key the household id and the command
 * id derive from (user, key): a repeat, or a racing duplicate, lands on the same stream and gets the
 * first answer; the same key with a different household is a 409.
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
    const checked = checkHouseholdBody('RegisterHousehold', c.body);
    if (office && findUnit(office)?.kind !== 'street_office') {
      throw validationError([
        { field: 'streetOffice', reason: `is not a street office; known: ${STREET_OFFICES.join(', ')}` },
      ]);
    }
    const at = this.clock.now().toISOString();
    const householdId = c.idempotencyKey ? nameBasedUuid('household', c.actor.userId, c.idempotencyKey) : randomUUID();
    const commandId = c.idempotencyKey
      ? nameBasedUuid('register-household', c.actor.userId, c.idempotencyKey)
      : randomUUID();
    const command = {
      type: 'RegisterHousehold',
      data: { ...checked, householdId },
      actor: c.actor,
      at,
    } as HouseholdCommand;
    const events = decideHousehold(command, initialHouseholdState());
    const registered = events[0] as HouseholdEventOf<'HouseholdRegistered'>;
    const streamId = householdStreamId(householdId);
    const ctx: AppendContext = {
      commandId,
      correlationId: c.correlationId,
      causationId: commandId,
      actor: c.actor,
      recordedAt: at,
    };

    const earlier = await this.store.readStream(streamId);
    if (earlier.length > 0) return this.replay(earlier, commandId, registered, c);
    try {
      const result = await this.store.append(streamId, events, 'no_stream', ctx);
      const state = foldHousehold(events) as RegisteredHousehold;
      return {
        householdId,
        version: result.nextExpectedVersion,
        view: toHouseholdView(state, result.nextExpectedVersion, localDateOf(at), c.actor),
        replayed: result.duplicate,
      };
    } catch (e) {
      if (!(e instanceof ConcurrencyError)) throw e;
      return this.replay(await this.store.readStream(streamId), commandId, registered, c);
    }
  }

  /** The answer to a repeated Idempotency-Key: the household as it is now. */
  private replay(
    stored: RecordedEvent[],
    commandId: string,
    wanted: HouseholdEventOf<'HouseholdRegistered'>,
    c: RegisterHouseholdCommand,
  ): RegisterHouseholdResult {
    const first = asHouseholdEvent(stored[0]);
    if (stored[0].metadata.commandId !== commandId || first.type !== 'HouseholdRegistered') {
      throw new DomainError(
        'conflict',
        'HOUSEHOLD_ID_TAKEN',
        'A different household already has this id; use another Idempotency-Key.',
      );
    }
    const same = SAME_FIELDS.every((k) => canonicalJson(first.data[k]) === canonicalJson(wanted.data[k]));
    if (!same) {
      throw new DomainError(
        'conflict',
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used to register a different household; use a new key for a new household.',
        {
          householdId: first.data.householdId,
        },
      );
    }
    const state = foldHousehold(stored.map(asHouseholdEvent) as HouseholdEvent[]) as RegisteredHousehold;
    const version = stored[stored.length - 1].version;
    return {
      householdId: first.data.householdId,
      version,
      view: toHouseholdView(state, version, localDateOf(this.clock.now().toISOString()), c.actor),
      replayed: true,
    };
  }
}
