import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@casework/domain';
import type { ReadStreamOptions } from '@casework/event-store';
import { toCaseView, type CaseView } from '../shared/case.view';
import { ScopedCaseReader } from '../shared/scoped-case-reader';

/** The case as it is now, or as it stood at an instant or after a version. */
export class GetCaseQuery extends Query<{ version: number; view: CaseView }> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
    readonly at: { asOf?: string; toVersion?: number } = {},
  ) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(private readonly cases: ScopedCaseReader) {}

  async execute(q: GetCaseQuery) {
    const options: ReadStreamOptions = {
      ...(q.at.asOf ? { asOf: q.at.asOf } : {}),
      ...(q.at.toVersion ? { toVersion: q.at.toVersion } : {}),
    };
    const { state, version } = await this.cases.read(
      q.caseId,
      q.actor,
      q.at.asOf || q.at.toVersion ? 'case as of an earlier point' : 'case',
      options,
    );
    return { version, view: toCaseView(state, version, q.actor) };
  }
}
