import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { caseStreamId, type Actor } from '@casework/domain';
import type { EventStore } from '@casework/event-store';
import { DomainError } from '@casework/kernel';
import {
  buildEvidenceBundle,
  cosignedNote,
  inclusionPlan,
  latestCheckpoint,
  leavesOfStreams,
  makeCheckpoint,
  nodeSourceFor,
  planNodes,
  publicPart,
  treeTables,
  type EvidenceBundle,
  type StoredCheckpoint,
} from '@casework/ledger';
import { APP_CONFIG, CLOCK, EVENT_STORE, PG_POOL, type AppConfig, type Clock } from '@casework/platform';
import { recordRead } from '@casework/read-models';
import { requireRole } from '../../shared/require-role';
import { LogKeys } from '../log-keys';

export class GetCaseEvidenceQuery extends Query<EvidenceBundle> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * The evidence bundle of a case (issue 8): every event of its stream as stored, each with its
 * inclusion proof in the latest signed checkpoint, which must cover them all (one is signed on
 * demand when the tree already holds them; else 409). Verifiable offline with
 * `npm run -s verify-evidence`. The read is recorded: the bundle holds the applicant's data.
 */
@QueryHandler(GetCaseEvidenceQuery)
export class GetCaseEvidenceHandler implements IQueryHandler<GetCaseEvidenceQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly keys: LogKeys,
  ) {}

  async execute({ caseId, actor }: GetCaseEvidenceQuery): Promise<EvidenceBundle> {
    requireRole(actor, ['inspector'], 'EVIDENCE_FORBIDDEN', 'Evidence bundles');
    const schema = this.config.databaseSchema;
    const streamId = caseStreamId(caseId);
    const events = await this.store.readStream(streamId, { raw: true });
    if (events.length === 0)
      throw new DomainError('not_found', 'CASE_NOT_FOUND', `案件 ${caseId} 不存在。No such case`);
    const tables = treeTables(schema);
    const leaves = new Map((await leavesOfStreams(this.pool, tables, [streamId])).map((l) => [l.eventId, l]));
    const lastLeaf = Math.max(...events.map((e) => leaves.get(e.metadata.eventId)?.leafIndex ?? Infinity));
    if (!Number.isFinite(lastLeaf))
      throw new DomainError(
        'conflict',
        'EVIDENCE_NOT_YET_IN_LOG',
        '该案件的最新事件尚未进入透明日志树（投影正在处理），请稍后再下载证据包。The latest events of the case are not in the log tree yet; try again shortly',
      );
    let checkpoint: StoredCheckpoint | null = await latestCheckpoint(this.pool, schema);
    if (!checkpoint || checkpoint.size <= lastLeaf)
      checkpoint = (await makeCheckpoint(this.pool, schema, this.keys.log(), this.clock.now()))?.checkpoint ?? null;
    if (!checkpoint || checkpoint.size <= lastLeaf)
      throw new DomainError(
        'conflict',
        'EVIDENCE_NOT_YET_CHECKPOINTED',
        '最新的已签名检查点尚未覆盖该案件的全部事件，请稍后再下载证据包。The latest signed checkpoint does not cover all events of the case yet',
      );
    const size = checkpoint.size;
    const stored = events.map((e) => ({
      leafIndex: leaves.get(e.metadata.eventId)?.leafIndex ?? -1,
      streamId: e.streamId,
      version: e.version,
      type: e.type,
      data: e.data,
      metadata: e.metadata,
      contentHash: e.contentHash,
      prevHash: e.prevHash,
      hash: e.hash,
    }));
    const nodes = await nodeSourceFor(
      this.pool,
      tables,
      planNodes(stored.flatMap((e) => inclusionPlan(e.leafIndex, size))),
    );
    await recordRead(this.pool, {
      userId: actor.userId,
      role: actor.role,
      unit: actor.unit,
      subjectType: 'case',
      subjectId: caseId,
      purpose: 'evidence bundle',
      detail: { treeSize: size, events: events.length },
      at: this.clock.now().toISOString(),
    });
    return buildEvidenceBundle({
      caseId,
      events: stored,
      checkpoint: cosignedNote(checkpoint),
      nodes,
      logKey: publicPart(this.keys.log()),
      witnessKeys: this.keys.witnesses(),
    });
  }
}
