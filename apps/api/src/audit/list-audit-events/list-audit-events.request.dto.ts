import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Filters of GET /api/audit/events; every one optional, all combined with AND. */
export class ListAuditEventsRequest {
  @ApiPropertyOptional({ description: 'User id of the actor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ description: 'Unit code of the actor, e.g. STREET_XIYI' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unit?: string;

  @ApiPropertyOptional({ description: 'Case id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  case?: string;

  @ApiPropertyOptional({ description: 'Household id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  household?: string;

  @ApiPropertyOptional({ description: 'Event type, e.g. CaseApproved' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional({ description: 'Recorded at or after this ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO date-time such as 2020-09-01T00:00:00Z' })
  from?: string;

  @ApiPropertyOptional({ description: 'Recorded before this ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO date-time such as 2020-09-30T00:00:00Z' })
  to?: string;

  // Bounded so the offset stays a number PostgreSQL accepts (as the household board's page).
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  @Max(100_000, { message: 'must be 100000 or less' })
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  @Max(500, { message: 'must be 500 or less' })
  pageSize?: number;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: 'Global order of the log' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'must be asc or desc' })
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({
    enum: ['json', 'csv', 'xlsx'],
    default: 'json',
    description: 'csv and xlsx export every matching row (up to 100,000), ignoring paging',
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'], { message: 'must be json, csv or xlsx' })
  format?: 'json' | 'csv' | 'xlsx';
}
