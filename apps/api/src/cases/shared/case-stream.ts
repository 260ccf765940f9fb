import { DomainError, forbidden } from '@casework/kernel';
import {
  caseStreamId,
  evolve,
  foldCase,
  type Actor,
  type CaseEvent,
  type CaseState,
  type OpenCaseState,
} from '@casework/domain';
import type { EventStore, ReadStreamOptions, RecordedEvent } from '@casework/event-store';
import { isStreetOffice } from '@casework/identity';

export interface LoadedCase {
  state: OpenCaseState;
  version: number;
  events: RecordedEvent[];
}

const asCaseEvent = (e: RecordedEvent): CaseEvent => ({ type: e.type, data: e.data }) as CaseEvent;

/** Reads and folds one case stream; 404 when it has no events (in the asked range). */
export async function loadCase(
  store: EventStore,
  caseId: string,
  options: ReadStreamOptions = {},
): Promise<LoadedCase> {
  const events = await store.readStream(caseStreamId(caseId), options);
  if (events.length === 0) {
    throw new DomainError(
      'not_found',
      'CASE_NOT_FOUND',
      options.asOf || options.toVersion ? `Case ${caseId} did not exist at that point.` : `There is no case ${caseId}.`,
      { caseId },
    );
  }
  const state = foldCase(events.map(asCaseEvent)) as OpenCaseState;
  return { state, version: events[events.length - 1].version, events };
}

export const applyEvents = (state: CaseState, events: readonly CaseEvent[]): CaseState => events.reduce(evolve, state);

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
