import { Inject } from '@nestjs/common';
import { localDateOf, type IsoWeek } from '@casework/kernel';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@casework/platform';
import { readWeeklyReport, type SqlReader, type WeeklyReport } from '@casework/read-models';
import { REPORT_READER } from '../shared/report-reader';

export class GetWeeklyReportQuery extends Query<WeeklyReport> {
  constructor(readonly week: IsoWeek) {
    super();
  }
}

/** The weekly report of key work for one ISO week, judged against today (China time). */
@QueryHandler(GetWeeklyReportQuery)
export class GetWeeklyReportHandler implements IQueryHandler<GetWeeklyReportQuery> {
  constructor(
    @Inject(REPORT_READER) private readonly db: SqlReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ week }: GetWeeklyReportQuery): Promise<WeeklyReport> {
    return readWeeklyReport(this.db, this.config.databaseSchema, week, localDateOf(this.clock.now().toISOString()));
  }
}
