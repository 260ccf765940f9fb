import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ISO_DATE } from '../shared/report-dates';

/** GET /api/reports/payouts query. */
export class GetPayoutsLedgerRequestDto {
  @ApiPropertyOptional({ format: 'date', example: '2020-11-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date in the form YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2020-11-30' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date in the form YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'Unit code, e.g. STREET_XIYI' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unit?: string;

  @ApiPropertyOptional({ description: 'Programme code, e.g. UNEMPLOYMENT_SUBSIDY' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  programme?: string;
}
