import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor, Role } from '@casework/domain';
import { localDateOf } from '@casework/kernel';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@casework/platform';
import { readAnomalies, type AnomalyThresholds, type SqlReader } from '@casework/read-models';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { requireRole } from '../../shared/require-role';
import { REPORT_READER } from '../../reports/shared/report-reader';
import { checkPeriod } from '../../reports/shared/report-dates';
import { anomaliesCsv, anomaliesXlsx } from './anomalies-export';
import { ListAnomaliesRequestDto } from './list-anomalies.request.dto';

/** Who reviews anomaly lists (DESIGN §1): the discipline inspector, and approvers and administrators who answer for them. */
export const ANOMALY_READERS: readonly Role[] = ['inspector', 'admin', 'approver'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
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

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('api/inspections')
export class ListAnomaliesHttpController {
  constructor(
    @Inject(REPORT_READER) private readonly db: SqlReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('anomalies')
  @ApiOperation({
    summary:
      'Rule hits for inspectors: each with its rule, subject, evidence (event ids, global sequence, amounts, dates) and a plain explanation; JSON, CSV or XLSX',
  })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  async list(@CurrentActor() actor: Actor, @Query() q: ListAnomaliesRequestDto, @Res() res: Response): Promise<void> {
    requireRole(actor, ANOMALY_READERS, 'ANOMALIES_READ_FORBIDDEN', 'Anomaly lists');
    checkPeriod(q.from, q.to);
    checkPeriod(q.asOf);
    const thresholds = Object.fromEntries(
      THRESHOLD_FIELDS.filter((k) => q[k] !== undefined).map((k) => [k, q[k]]),
    ) as Partial<AnomalyThresholds>;
    const report = await readAnomalies(this.db, this.config.databaseSchema, {
      rule: q.rule,
      from: q.from,
      to: q.to,
      unit: q.unit,
      asOf: q.asOf ?? localDateOf(this.clock.now().toISOString()),
      thresholds,
    });
    const format = q.format ?? 'json';
    if (format === 'json') {
      res.status(200).json(report);
      return;
    }
    res.setHeader('X-Total-Count', String(report.total));
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="anomalies-${report.asOf}.csv"`);
      res.status(200).send(anomaliesCsv(report));
      return;
    }
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="anomalies-${report.asOf}.xlsx"`);
    res.status(200).send(await anomaliesXlsx(report));
  }
}
