import { Command } from '@nestjs/cqrs';
import type { Actor } from '@casework/domain';
import type { HouseholdView } from '../shared/household.view';

export interface RegisterHouseholdResult {
  householdId: string;
  version: number;
  view: HouseholdView;
  /** True when this answers a repeated Idempotency-Key and nothing new was written. */
  replayed: boolean;
}

/** Registers a monitored household. The body comes straight from the client and is checked by the handler. */
export class RegisterHouseholdCommand extends Command<RegisterHouseholdResult> {
  constructor(
    readonly body: unknown,
    readonly actor: Actor,
    readonly idempotencyKey: string | null,
    readonly correlationId: string,
  ) {
    super();
  }
}
