import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { validationError } from '@casework/kernel';
import { storedConsistencyProof, toBase64, treeTables } from '@casework/ledger';
import { APP_CONFIG, PG_POOL, type AppConfig } from '@casework/platform';
import { checkSizeWithinTree } from '../tree-size';

export interface ConsistencyProofView {
  from: number;
  to: number;
  proof: string[];
}

export class GetConsistencyProofQuery extends Query<ConsistencyProofView> {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
}

/** RFC 9162 consistency proof between two tree sizes, from the stored tree nodes (one query). */
@QueryHandler(GetConsistencyProofQuery)
export class GetConsistencyProofHandler implements IQueryHandler<GetConsistencyProofQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ from, to }: GetConsistencyProofQuery): Promise<ConsistencyProofView> {
    if (from > to)
      throw validationError([{ field: 'from', reason: `不能大于 to（${to}）。must not exceed to (${to})` }]);
    await checkSizeWithinTree(this.pool, this.config.databaseSchema, 'to', to);
    const proof = await storedConsistencyProof(this.pool, treeTables(this.config.databaseSchema), from, to);
    return { from, to, proof: proof.map(toBase64) };
  }
}
