import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@casework/domain';
import type { EventStore } from '@casework/event-store';
import { computeDigest, type Digest } from '@casework/ledger';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import { requireRole } from '../../shared/require-role';
import { LEDGER_READERS } from '../ledger-readers';

export class GetDigestQuery extends Query<{ takenAt: string; digest: Digest }> {
  constructor(readonly actor: Actor) {
    super();
  }
}

/** The current digest of the whole log, with when it was taken. */
@QueryHandler(GetDigestQuery)
export class GetDigestHandler implements IQueryHandler<GetDigestQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor }: GetDigestQuery): Promise<{ takenAt: string; digest: Digest }> {
    requireRole(actor, LEDGER_READERS, 'LEDGER_READ_FORBIDDEN', 'Ledger digests and verification');
    return { takenAt: this.clock.now().toISOString(), digest: await computeDigest(this.store) };
  }
}
