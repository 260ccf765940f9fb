import { createHash } from 'node:crypto';
import { DomainError } from '@casework/kernel';
import { AppendContext, ConcurrencyError, EventStore, RecordedEvent } from '@casework/event-store';
import type { ReservationClaim } from '@casework/policy';

/**
 * Cross-case limits (no double subsidy, at most N loans) guarded by reservation streams: a claim
 * with N slots is N streams, each held by at most one case at a time. Taking a slot is an append
 * with the version the claimer saw, so of two racing applications exactly one gets it; a release
 * appends to the same stream and the slot can be taken again at the released version.
 */
export type ReservationEvent =
  | { type: 'BenefitReserved'; data: { key: string; slot: number; caseId: string; reason: string; clause: string } }
  | { type: 'BenefitReleased'; data: { key: string; slot: number; caseId: string; why: string } };

export const reservationStreamId = (key: string, slot: number): string =>
  `reservation-${createHash('sha256').update(key).digest('hex').slice(0, 40)}-${slot}`;

interface SlotState {
  streamId: string;
  slot: number;
  version: number;
  holder: string | null;
}

async function readSlot(store: EventStore, key: string, slot: number): Promise<SlotState> {
  const streamId = reservationStreamId(key, slot);
  const last = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
  const e = last[0] as (RecordedEvent & ReservationEvent) | undefined;
  return { streamId, slot, version: e?.version ?? 0, holder: e?.type === 'BenefitReserved' ? e.data.caseId : null };
}

export interface HeldSlot {
  key: string;
  slot: number;
  streamId: string;
}

/**
 * Takes one slot of each claim for the case, or none: when a claim is full the slots taken so far
 * are released and a 409 names the cases that hold it. Idempotent for the same case.
 */
export async function claimReservations(
  store: EventStore,
  caseId: string,
  claims: readonly ReservationClaim[],
  ctx: AppendContext,
): Promise<HeldSlot[]> {
  const held: HeldSlot[] = [];
  try {
    for (const claim of claims) held.push(await claimOne(store, caseId, claim, ctx));
    return held;
  } catch (e) {
    await releaseSlots(store, caseId, held, 'the application was not recorded', ctx);
    throw e;
  }
}

async function claimOne(
  store: EventStore,
  caseId: string,
  claim: ReservationClaim,
  ctx: AppendContext,
): Promise<HeldSlot> {
  // Each lost race means another case just took a slot; retrying reads the new state.
  for (let attempt = 0; attempt < 5; attempt++) {
    const slots = await Promise.all(Array.from({ length: claim.slots }, (_, i) => readSlot(store, claim.key, i + 1)));
    const mine = slots.find((s) => s.holder === caseId);
    if (mine) return { key: claim.key, slot: mine.slot, streamId: mine.streamId };
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
    try {
      await store.append(free.streamId, [event], free.version === 0 ? 'no_stream' : free.version, {
        ...ctx,
        commandId: undefined,
      });
      return { key: claim.key, slot: free.slot, streamId: free.streamId };
    } catch (e) {
      if (!(e instanceof ConcurrencyError)) throw e;
    }
  }
  throw new DomainError(
    'conflict',
    'RESERVATION_CONTENDED',
    `Too many applications are competing for "${claim.reason}" right now; please try again.`,
    { key: claim.key },
  );
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

/** Releases the slots the case holds (rejected, withdrawn, or its opening failed). Safe to repeat. */
export async function releaseSlots(
  store: EventStore,
  caseId: string,
  slots: readonly HeldSlot[],
  why: string,
  ctx: AppendContext,
): Promise<void> {
  for (const s of slots) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const state = await readSlot(store, s.key, s.slot);
      if (state.holder !== caseId) break;
      const event: ReservationEvent = { type: 'BenefitReleased', data: { key: s.key, slot: s.slot, caseId, why } };
      try {
        await store.append(state.streamId, [event], state.version, { ...ctx, commandId: undefined });
        break;
      } catch (e) {
        if (!(e instanceof ConcurrencyError)) throw e;
      }
    }
  }
}

/** Releases whatever slots of these claims the case holds. */
export async function releaseReservations(
  store: EventStore,
  caseId: string,
  claims: readonly ReservationClaim[],
  why: string,
  ctx: AppendContext,
): Promise<void> {
  for (const claim of claims) {
    const slots = await Promise.all(Array.from({ length: claim.slots }, (_, i) => readSlot(store, claim.key, i + 1)));
    const mine = slots
      .filter((s) => s.holder === caseId)
      .map((s) => ({ key: claim.key, slot: s.slot, streamId: s.streamId }));
    await releaseSlots(store, caseId, mine, why, ctx);
  }
}
