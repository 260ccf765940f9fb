import type { Pool } from 'pg';
import type { Actor } from '@casework/domain';
import type { EventStore } from '@casework/event-store';
import { accessReasonOf, checkReadAccess, recordHouseholdReads, type AccessReasonInput } from './household-access';
import { checkHouseholdId, loadHousehold, type LoadedHousehold } from './household-stream';

export interface HouseholdRead extends LoadedHousehold {
  householdId: string;
}

/**
 * What every read of one household does: checks the id and the stated reason, loads the stream,
 * refuses a reader outside the household's scope, and records the read when it must be recorded
 * (before anything is returned, so an unrecorded read never leaves the server).
 */
export async function readHousehold(
  deps: { store: EventStore; pool: Pool },
  input: { id: string; reason: AccessReasonInput; actor: Actor; at: string; route: string },
): Promise<HouseholdRead> {
  const householdId = checkHouseholdId(input.id);
  const reason = accessReasonOf(input.reason);
  const loaded = await loadHousehold(deps.store, householdId);
  const access = checkReadAccess(input.actor, loaded.state, reason);
  if (access.record)
    await recordHouseholdReads(deps.pool, input.actor, [householdId], access.reason!, input.at, {
      route: input.route,
      version: loaded.version,
    });
  return { householdId, ...loaded };
}
