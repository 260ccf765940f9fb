import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ANOMALY_RULE_CODES, DEFAULT_ANOMALY_THRESHOLDS, type AnomalyRuleCode } from '@casework/read-models';
import { ISO_DATE } from '../../reports/shared/report-dates';

const whole = (min: number, max: number) => [
  Type(() => Number),
  IsInt({ message: 'must be a whole number' }),
  Min(min, { message: `must be ${min} or more` }),
  Max(max, { message: `must be ${max} or less` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** GET /api/inspections/anomalies query: filters, export format and the rules' thresholds. */
export class ListAnomaliesRequestDto {
  @ApiPropertyOptional({ enum: ANOMALY_RULE_CODES, description: 'Only this rule' })
  @IsOptional()
  @IsIn(ANOMALY_RULE_CODES, { message: `must be one of ${ANOMALY_RULE_CODES.join(', ')}` })
  rule?: AnomalyRuleCode;

  @ApiPropertyOptional({ format: 'date', description: 'Hits that arose on or after this day (China time)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date in the form YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Hits that arose on or before this day' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date in the form YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    description: 'Unit code: the case unit, the household street office, or the deciding user unit',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unit?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Day overdue and outstanding are judged on; today (China time) by default',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date in the form YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'], { message: 'must be json, csv or xlsx' })
  format?: 'json' | 'csv' | 'xlsx';

  @ApiPropertyOptional({
    default: DEFAULT_ANOMALY_THRESHOLDS.failedPayments,
    description: 'Failures of one instalment that make a hit',
  })
  @IsOptional()
  @apply(whole(1, 100))
  failedPayments?: number;

  @ApiPropertyOptional({
    default: DEFAULT_ANOMALY_THRESHOLDS.recoveryWorkingDays,
    description: 'Working days a recovery may stay open with money owed',
  })
  @IsOptional()
  @apply(whole(0, 1000))
  recoveryWorkingDays?: number;

  @ApiPropertyOptional({
    default: DEFAULT_ANOMALY_THRESHOLDS.decisionsPerDay,
    description: 'Cases one user may approve or reject in a day',
  })
  @IsOptional()
  @apply(whole(1, 10000))
  decisionsPerDay?: number;

  @ApiPropertyOptional({
    default: DEFAULT_ANOMALY_THRESHOLDS.overdueWorkingDays,
    description: 'Working days past the due day',
  })
  @IsOptional()
  @apply(whole(0, 1000))
  overdueWorkingDays?: number;

  @ApiPropertyOptional({
    default: DEFAULT_ANOMALY_THRESHOLDS.visitIntervalFactor,
    description: 'Multiple of the visit interval without a visit',
  })
  @IsOptional()
  @apply(whole(1, 20))
  visitIntervalFactor?: number;

  @ApiPropertyOptional({
    default: DEFAULT_ANOMALY_THRESHOLDS.zeroEmploymentDays,
    description: 'Days a zero-employment household may wait for a placement',
  })
  @IsOptional()
  @apply(whole(0, 3650))
  zeroEmploymentDays?: number;

  @ApiPropertyOptional({
    default: DEFAULT_ANOMALY_THRESHOLDS.nightStartHour,
    description: 'Night starts at this hour, China time',
  })
  @IsOptional()
  @apply(whole(0, 23))
  nightStartHour?: number;

  @ApiPropertyOptional({
    default: DEFAULT_ANOMALY_THRESHOLDS.nightEndHour,
    description: 'Night ends at this hour, China time',
  })
  @IsOptional()
  @apply(whole(0, 23))
  nightEndHour?: number;
}
