import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { DomainError } from '@casework/kernel';
import { cosignedNote, latestCheckpoint } from '@casework/ledger';
import { APP_CONFIG, PG_POOL, type AppConfig } from '@casework/platform';

export class GetCheckpointQuery extends Query<string> {}

/** The latest signed checkpoint with every cosignature received, as a C2SP signed note. */
@QueryHandler(GetCheckpointQuery)
export class GetCheckpointHandler implements IQueryHandler<GetCheckpointQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<string> {
    const latest = await latestCheckpoint(this.pool, this.config.databaseSchema);
    if (!latest)
      throw new DomainError(
        'not_found',
        'NO_CHECKPOINT',
        '日志还没有已签名的检查点。The log has no signed checkpoint yet',
      );
    return cosignedNote(latest);
  }
}
