import { createHash } from 'node:crypto';
import { DomainError } from '@casework/kernel';
import type { CaseEvent, CaseState, OpenCaseState } from '@casework/domain';
import type { EventStore, RecordedEvent, StreamWrite } from '@casework/event-store';
import { getProgramme, readFact, reservationClaims, type ReservationClaim } from '@casework/policy';

/**
 * Cross-case limits (no double subsidy, at most N loans) guarded by reservation streams: a claim
 * with N slots is N streams, each held by at most one case at a time. Taking or releasing a slot
 * is a write with the version the claimer read, appended in the same atomic append as the case's
 * own events (handleCommand's alsoWrite): of two racing applications exactly one gets the slot,
 * and a case is never recorded without its slots, nor a slot taken for a case that was not.
 */
export type ReservationEvent =
  | { type: 'BenefitReserved'; data: { key: string; slot: number; caseId: string; reason: string; clause: string } }
  | { type: 'BenefitReleased'; data: { key: string; slot: number; caseId: string; why: string } };

export const reservationStreamId = (key: string, slot: number): string =>
  `reservation-${createHash('sha256').update(key).digest('hex').slice(0, 40)}-${slot}`;

/** The claims of a case: the one place that asks the policy, so a change of its keys is one edit here. */
export function claimsOfCase(state: OpenCaseState): ReservationClaim[] {
  const beneficiary = readFact(state.facts, getProgramme(state.programme, state.policyVersion).beneficiaryFact);
  return reservationClaims(state.programme, {
    // The fact is an id number or credit code (a string); a number is printed, anything else is no key.
    beneficiaryKey: typeof beneficiary === 'string' || typeof beneficiary === 'number' ? String(beneficiary) : '',
    period: state.period,
    facts: state.facts,
  });
}

interface SlotState {
  streamId: string;
  slot: number;
  version: number;
  holder: string | null;
}

async function readSlots(store: EventStore, claim: ReservationClaim): Promise<SlotState[]> {
  return Promise.all(
    Array.from({ length: claim.slots }, async (_, i) => {
      const streamId = reservationStreamId(claim.key, i + 1);
      const [last] = (await store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) as (RecordedEvent &
        ReservationEvent)[];
      const holder = last?.type === 'BenefitReserved' ? last.data.caseId : null;
      return { streamId, slot: i + 1, version: last?.version ?? 0, holder };
    }),
  );
}

/** One free slot of each claim the case does not hold yet; a 409 naming the holders when a claim is full. */
async function claimWrites(store: EventStore, caseId: string, claims: readonly ReservationClaim[]) {
  const writes: StreamWrite[] = [];
  for (const claim of claims) {
    const slots = await readSlots(store, claim);
    if (slots.some((s) => s.holder === caseId)) continue;
    const free = slots.find((s) => s.holder === null);
    if (!free)
      throw limitReached(
        claim,
        slots.map((s) => s.holder as string),
      );
    const event: ReservationEvent = {
      type: 'BenefitReserved',
      data: { key: claim.key, slot: free.slot, caseId, reason: claim.reason, clause: claim.clause },
    };
    writes.push({ streamId: free.streamId, events: [event], expectedVersion: free.version });
  }
  return writes;
}

/** A release of every slot of these claims that the case holds. */
async function releaseWrites(store: EventStore, caseId: string, claims: readonly ReservationClaim[], why: string) {
  const writes: StreamWrite[] = [];
  for (const claim of claims) {
    for (const s of await readSlots(store, claim)) {
      if (s.holder !== caseId) continue;
      const event: ReservationEvent = { type: 'BenefitReleased', data: { key: claim.key, slot: s.slot, caseId, why } };
      writes.push({ streamId: s.streamId, events: [event], expectedVersion: s.version });
    }
  }
  return writes;
}

/**
 * The reservation writes that go with a case's decision: an application or a reopened rejection
 * takes its slots, a rejection or withdrawal gives them back.
 */
export async function reservationWrites(
  store: EventStore,
  decision: { events: readonly CaseEvent[]; before: CaseState; after: CaseState },
): Promise<StreamWrite[]> {
  const { events, before, after } = decision;
  if (after.status === 'none') return [];
  const claims = claimsOfCase(after);
  const reopenedRejection = before.status === 'rejected' && events.some((e) => e.type === 'CaseReopened');
  if (events.some((e) => e.type === 'CaseSubmitted') || reopenedRejection) {
    return claimWrites(store, after.caseId, claims);
  }
  const ended = events.find((e) => e.type === 'CaseRejected' || e.type === 'CaseWithdrawn');
  if (ended) {
    return releaseWrites(
      store,
      after.caseId,
      claims,
      `case ${ended.type === 'CaseRejected' ? 'rejected' : 'withdrawn'}`,
    );
  }
  return [];
}

function limitReached(claim: ReservationClaim, holders: string[]): DomainError {
  const single = claim.slots === 1;
  return new DomainError(
    'conflict',
    single ? 'DUPLICATE_BENEFIT' : 'BENEFIT_LIMIT_REACHED',
    single
      ? `${claim.reason} (clause ${claim.clause}): case ${holders[0]} already holds it.`
      : `${claim.reason} (clause ${claim.clause}): all ${claim.slots} are taken, by cases ${holders.join(', ')}.`,
    { reservation: claim.key, clause: claim.clause, heldBy: single ? holders[0] : holders, heldByCases: holders },
  );
}
