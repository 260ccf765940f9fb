import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { DomainError, validationError } from '@casework/kernel';
import { latestCheckpoint, leafOfEvent, storedInclusionProof, toBase64, treeTables } from '@casework/ledger';
import { APP_CONFIG, PG_POOL, type AppConfig } from '@casework/platform';
import { checkSizeWithinTree } from '../tree-size';

export interface InclusionProofView {
  eventId: string;
  leafIndex: number;
  treeSize: number;
  proof: string[];
}

export class GetInclusionProofQuery extends Query<InclusionProofView> {
  constructor(
    readonly eventId: string,
    /** Default: the latest checkpoint's size. */
    readonly size: number | undefined,
  ) {
    super();
  }
}

/** RFC 9162 inclusion proof of an event's leaf, from the stored tree nodes (one query). */
@QueryHandler(GetInclusionProofQuery)
export class GetInclusionProofHandler implements IQueryHandler<GetInclusionProofQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ eventId, size }: GetInclusionProofQuery): Promise<InclusionProofView> {
    const schema = this.config.databaseSchema;
    const tables = treeTables(schema);
    const leaf = await leafOfEvent(this.pool, tables, eventId);
    if (!leaf)
      throw new DomainError(
        'not_found',
        'EVENT_NOT_IN_LOG',
        `事件 ${eventId} 不在日志树中（不存在，或尚未被投影）。The event is not in the tree (unknown, or not projected yet)`,
      );
    let treeSize = size;
    if (treeSize === undefined) {
      const latest = await latestCheckpoint(this.pool, schema);
      if (!latest)
        throw new DomainError(
          'not_found',
          'NO_CHECKPOINT',
          '日志还没有已签名的检查点：请给出 size。No checkpoint yet: give size',
        );
      treeSize = latest.size;
    }
    await checkSizeWithinTree(this.pool, schema, 'size', treeSize);
    if (leaf.leafIndex >= treeSize)
      throw validationError([
        {
          field: 'size',
          reason: `该事件是第 ${leaf.leafIndex} 个叶子，不在大小为 ${treeSize} 的树中。the event is leaf ${leaf.leafIndex}, not in a tree of size ${treeSize}`,
        },
      ]);
    const proof = await storedInclusionProof(this.pool, tables, leaf.leafIndex, treeSize);
    return { eventId, leafIndex: leaf.leafIndex, treeSize, proof: proof.map(toBase64) };
  }
}
