import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@casework/domain';
import type { EventStore, ReadStreamOptions } from '@casework/event-store';
import type { Pool } from 'pg';
import { CLOCK, Clock, EVENT_STORE, PG_POOL } from '@casework/platform';
import { checkUnitScope, loadCase, type LoadedCase } from './case-stream';
import { recordCaseRead } from './record-case-read';

/*
 * Reads of one case come straight from its stream (the case list is a read model, served by
 * case-queue): every case query loads it through this reader.
 */

/** Loads a case for a reader: 404 when absent, 403 outside the reader's unit, the read recorded when it must be. */
@Injectable()
export class ScopedCaseReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(caseId: string, actor: Actor, purpose: string, options: ReadStreamOptions = {}): Promise<LoadedCase> {
    const loaded = await loadCase(this.store, caseId, options);
    checkUnitScope(actor, loaded.state);
    await recordCaseRead(this.pool, actor, loaded.state, caseId, purpose, this.clock.now().toISOString());
    return loaded;
  }
}
