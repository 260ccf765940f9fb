import { Command } from '@nestjs/cqrs';
import type { Actor, HouseholdCommandType } from '@casework/domain';
import type { HouseholdView } from './household.view';

export interface ChangeHouseholdResult {
  householdId: string;
  version: number;
  /** Types of the events the command appended. */
  events: string[];
  /** The household after the command; null when the caller's reads of it would have to be recorded. */
  view: HouseholdView | null;
}

/** Any household command but registration, on the household at `householdId`. The body comes straight from the client. */
export class ChangeHouseholdCommand extends Command<ChangeHouseholdResult> {
  constructor(
    readonly type: Exclude<HouseholdCommandType, 'registerHousehold'>,
    readonly householdId: string,
    readonly body: unknown,
    readonly actor: Actor,
    readonly ifMatch: string | undefined,
    readonly correlationId: string,
    /** The checked Idempotency-Key; null when none was sent. */
    readonly idempotencyKey: string | null,
  ) {
    super();
  }
}
