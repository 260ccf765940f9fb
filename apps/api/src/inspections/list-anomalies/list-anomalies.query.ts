import { Inject } from '@nestjs/common';
import { localDateOf } from '@casework/kernel';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor, Role } from '@casework/domain';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@casework/platform';
import { readAnomalies, type AnomalyReport, type AnomalyThresholds, type SqlReader } from '@casework/read-models';
import { requireRole } from '../../shared/require-role';
import { REPORT_READER } from '../../reports/shared/report-reader';
import { checkPeriod } from '../../reports/shared/report-dates';
import type { ListAnomaliesRequestDto } from './list-anomalies.request.dto';

/** Who reviews anomaly lists (DESIGN §1): the discipline inspector, and approvers and administrators who answer for them. */
export const ANOMALY_READERS: readonly Role[] = ['inspector', 'admin', 'approver'];

const THRESHOLD_FIELDS: (keyof AnomalyThresholds)[] = [
  'failedPayments',
  'recoveryWorkingDays',
  'decisionsPerDay',
  'overdueWorkingDays',
  'visitIntervalFactor',
  'zeroEmploymentDays',
  'nightStartHour',
  'nightEndHour',
];

export class ListAnomaliesQuery extends Query<AnomalyReport> {
  constructor(
    readonly filters: ListAnomaliesRequestDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The rules' hits over the read models, with the thresholds the request overrides. */
@QueryHandler(ListAnomaliesQuery)
export class ListAnomaliesHandler implements IQueryHandler<ListAnomaliesQuery> {
  constructor(
    @Inject(REPORT_READER) private readonly db: SqlReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ filters: q, actor }: ListAnomaliesQuery): Promise<AnomalyReport> {
    requireRole(actor, ANOMALY_READERS, 'ANOMALIES_READ_FORBIDDEN', 'Anomaly lists');
    checkPeriod(q.from, q.to);
    checkPeriod(q.asOf);
    const thresholds = Object.fromEntries(
      THRESHOLD_FIELDS.filter((k) => q[k] !== undefined).map((k) => [k, q[k]]),
    ) as Partial<AnomalyThresholds>;
    return readAnomalies(this.db, this.config.databaseSchema, {
      rule: q.rule,
      from: q.from,
      to: q.to,
      unit: q.unit,
      asOf: q.asOf ?? localDateOf(this.clock.now().toISOString()),
      thresholds,
    });
  }
}
