import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import type { Actor } from '@casework/domain';
import type { EventMetadata, EventStore } from '@casework/event-store';
import { CLOCK, Clock, EVENT_STORE, PG_POOL } from '@casework/platform';
import type { AccessReasonInput } from '../shared/household-access';
import { readHousehold } from '../shared/read-household';

export class GetHouseholdHistoryQuery extends Query<{
  id: string;
  version: number;
  events: { version: number; type: string; data: unknown; metadata: EventMetadata; hash: string; prevHash: string }[];
}> {
  constructor(
    readonly householdId: string,
    readonly reason: AccessReasonInput,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** Every event of the household with its metadata and hash, for a reader in scope. */
@QueryHandler(GetHouseholdHistoryQuery)
export class GetHouseholdHistoryHandler implements IQueryHandler<GetHouseholdHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ householdId: id, reason, actor }: GetHouseholdHistoryQuery) {
    const at = this.clock.now().toISOString();
    const { householdId, version, events } = await readHousehold(
      { store: this.store, pool: this.pool },
      { id, reason, actor, at, route: 'GET /api/households/:id/history' },
    );
    return {
      id: householdId,
      version,
      events: events.map((e) => ({
        version: e.version,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        hash: e.hash,
        prevHash: e.prevHash,
      })),
    };
  }
}
