import { DomainError, validationError } from '@casework/kernel';
import {
  foldHousehold,
  householdStreamId,
  isRegistered,
  type HouseholdEvent,
  type HouseholdState,
  type RegisteredHousehold,
} from '@casework/domain';
import type { EventStore, RecordedEvent } from '@casework/event-store';

export interface LoadedHousehold {
  state: RegisteredHousehold;
  version: number;
  events: RecordedEvent[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Household ids are UUIDs; anything else is a bad path, named as the field `id`. */
export function checkHouseholdId(id: string): string {
  if (!UUID.test(id))
    throw validationError([
      { field: 'id', reason: 'must be a household id (a UUID such as 7d0f8e3c-2b6e-4d1f-9a57-1c1b8f3c2a10)' },
    ]);
  return id.toLowerCase();
}

/** A stored event as the decider's event; the store upcasts old shapes on read. */
export const asHouseholdEvent = (e: RecordedEvent): HouseholdEvent =>
  ({ type: e.type, data: e.data }) as HouseholdEvent;

export const householdNotFound = (householdId: string): DomainError =>
  new DomainError('not_found', 'HOUSEHOLD_NOT_FOUND', `There is no household ${householdId}.`, { householdId });

/** 404 unless the stream holds a registered household. */
export function requireHousehold(state: HouseholdState, householdId: string): RegisteredHousehold {
  if (!isRegistered(state)) throw householdNotFound(householdId);
  return state;
}

/** 412: the client read an older version than the stream's. */
export const staleHouseholdVersion = (expectedVersion: number, actualVersion: number): DomainError =>
  new DomainError(
    'stale_version',
    'STALE_VERSION',
    `The household changed since you read it (you sent version ${expectedVersion}, it is now at ${actualVersion}). Reload and try again.`,
    { expectedVersion, actualVersion },
  );

/** Reads and folds one household stream; 404 when there is none. */
export async function loadHousehold(store: EventStore, householdId: string): Promise<LoadedHousehold> {
  const events = await store.readStream(householdStreamId(householdId));
  const last = events.at(-1);
  if (!last) throw householdNotFound(householdId);
  const state = requireHousehold(foldHousehold(events.map(asHouseholdEvent)), householdId);
  return { state, version: last.version, events };
}
