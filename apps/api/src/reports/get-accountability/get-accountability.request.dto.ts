import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ISO_DATE } from '../shared/report-dates';

/** GET /api/reports/accountability query. */
export class GetAccountabilityRequestDto {
  @ApiPropertyOptional({ format: 'date', description: 'First day of the period (inclusive)', example: '2020-11-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date in the form YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of the period (inclusive)', example: '2020-11-30' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date in the form YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    description: 'Unit code: a street office (STREET_XIYI) or the district bureau (DISTRICT_HRSS)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unit?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Day overdue steps and visits are judged on (default: today, China time)',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date in the form YYYY-MM-DD' })
  asOf?: string;
}
