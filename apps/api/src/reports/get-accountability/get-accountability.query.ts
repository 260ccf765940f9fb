import { Inject } from '@nestjs/common';
import { localDateOf } from '@casework/kernel';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@casework/domain';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@casework/platform';
import { readAccountability, type AccountabilityReport, type SqlReader } from '@casework/read-models';
import { REPORT_READER } from '../shared/report-reader';
import { checkPeriod, scopedUnit } from '../shared/report-dates';
import type { GetAccountabilityRequestDto } from './get-accountability.request.dto';

export class GetAccountabilityQuery extends Query<AccountabilityReport> {
  constructor(
    readonly filters: GetAccountabilityRequestDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** Accountability over a period, in the reader's unit scope; overdue judged on asOf (default today, China time). */
@QueryHandler(GetAccountabilityQuery)
export class GetAccountabilityHandler implements IQueryHandler<GetAccountabilityQuery> {
  constructor(
    @Inject(REPORT_READER) private readonly db: SqlReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ filters: q, actor }: GetAccountabilityQuery): Promise<AccountabilityReport> {
    checkPeriod(q.from, q.to);
    checkPeriod(q.asOf);
    return readAccountability(this.db, this.config.databaseSchema, {
      from: q.from,
      to: q.to,
      unit: scopedUnit(actor, q.unit),
      asOf: q.asOf ?? localDateOf(this.clock.now().toISOString()),
    });
  }
}
