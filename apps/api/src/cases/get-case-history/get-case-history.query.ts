import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@casework/domain';
import { ScopedCaseReader } from '../shared/scoped-case-reader';

/** Every event of the case with its metadata and hashes. */
export class GetCaseHistoryQuery extends Query<unknown> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(GetCaseHistoryQuery)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistoryQuery> {
  constructor(private readonly cases: ScopedCaseReader) {}

  async execute(q: GetCaseHistoryQuery) {
    const { version, events } = await this.cases.read(q.caseId, q.actor, 'case history');
    return {
      caseId: q.caseId,
      version,
      events: events.map((e) => ({
        version: e.version,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        globalSeq: e.globalSeq,
        contentHash: e.contentHash,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    };
  }
}
