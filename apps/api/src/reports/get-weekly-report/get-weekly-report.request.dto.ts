import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

/** GET /api/reports/weekly query. */
export class GetWeeklyReportRequestDto {
  @ApiProperty({ description: 'ISO week, YYYY-Www', example: '2020-W46' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'must be an ISO week in the form YYYY-Www, e.g. 2020-W46' })
  week: string;

  @ApiPropertyOptional({
    enum: ['json', 'xlsx'],
    description: 'xlsx: the workbook in Chinese (also chosen by an Accept header asking for a spreadsheet)',
  })
  @IsOptional()
  @IsIn(['json', 'xlsx'], { message: 'must be json or xlsx' })
  format?: 'json' | 'xlsx';
}
