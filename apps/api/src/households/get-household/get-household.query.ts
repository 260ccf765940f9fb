import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import type { Actor } from '@casework/domain';
import { localDateOf } from '@casework/kernel';
import type { EventStore } from '@casework/event-store';
import { CLOCK, Clock, EVENT_STORE, PG_POOL } from '@casework/platform';
import type { AccessReasonInput } from '../shared/household-access';
import { readHousehold } from '../shared/read-household';
import { toHouseholdView, type HouseholdView } from '../shared/household.view';

export class GetHouseholdQuery extends Query<{ version: number; view: HouseholdView }> {
  constructor(
    readonly householdId: string,
    readonly reason: AccessReasonInput,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The household as it is now, for a reader in scope (a read outside it is recorded with its reason). */
@QueryHandler(GetHouseholdQuery)
export class GetHouseholdHandler implements IQueryHandler<GetHouseholdQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ householdId, reason, actor }: GetHouseholdQuery) {
    const at = this.clock.now().toISOString();
    const { state, version } = await readHousehold(
      { store: this.store, pool: this.pool },
      { id: householdId, reason, actor, at, route: 'GET /api/households/:id' },
    );
    return { version, view: toHouseholdView(state, version, localDateOf(at), actor) };
  }
}
