import { DomainError, forbidden } from '@casework/kernel';
import { caseStreamId, foldCase, type Actor, type CaseEvent, type OpenCaseState } from '@casework/domain';
import type { EventStore, ReadStreamOptions, RecordedEvent } from '@casework/event-store';
import { isStreetOffice } from '@casework/identity';

export interface LoadedCase {
  state: OpenCaseState;
  version: number;
  events: RecordedEvent[];
}

/** A stored event as the decider's event; the store upcasts old shapes on read. */
export const asCaseEvent = (e: RecordedEvent): CaseEvent => ({ type: e.type, data: e.data }) as CaseEvent;

export const caseNotFound = (caseId: string, past = false): DomainError =>
  new DomainError(
    'not_found',
    'CASE_NOT_FOUND',
    past ? `Case ${caseId} did not exist at that point.` : `There is no case ${caseId}.`,
    { caseId },
  );

/** 412: the client read an older version than the stream's. */
export const staleCaseVersion = (expectedVersion: number, actualVersion: number): DomainError =>
  new DomainError(
    'stale_version',
    'STALE_VERSION',
    `The case has changed since you read it: you sent version ${expectedVersion}, it is now at version ${actualVersion}. Reload and try again.`,
    { expectedVersion, actualVersion },
  );

/** Reads and folds one case stream; 404 when it has no events (in the asked range). */
export async function loadCase(
  store: EventStore,
  caseId: string,
  options: ReadStreamOptions = {},
): Promise<LoadedCase> {
  const events = await store.readStream(caseStreamId(caseId), options);
  const last = events.at(-1);
  if (!last) throw caseNotFound(caseId, Boolean(options.asOf || options.toVersion));
  const state = foldCase(events.map(asCaseEvent)) as OpenCaseState;
  return { state, version: last.version, events };
}

/**
 * Street offices see and act on their own unit's cases only; district units, finance and
 * discipline see every case (DESIGN §1).
 */
export function checkUnitScope(actor: Actor, state: OpenCaseState): void {
  if (isStreetOffice(actor.unit) && state.unit !== actor.unit) {
    throw forbidden(
      'UNIT_NOT_ALLOWED',
      `This case belongs to ${state.unit}; users of ${actor.unit} may only see and act on their own street office's cases.`,
      {
        caseUnit: state.unit,
        actorUnit: actor.unit,
      },
    );
  }
}
