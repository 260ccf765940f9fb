import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { TARGET_INDICATORS } from '@casework/read-models';

/** POST /api/reports/targets: a figure the bureau reports against a target of POLICY.md §4. */
export class EnterTargetFigureRequestDto {
  @ApiProperty({ enum: TARGET_INDICATORS, example: 'new_urban_jobs' })
  @IsIn(TARGET_INDICATORS as string[], { message: `must be one of ${TARGET_INDICATORS.join(', ')}` })
  indicator: string;

  @ApiProperty({ description: 'The month the figure is for (YYYY-MM)', example: '2020-10' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month in the form YYYY-MM' })
  period: string;

  @ApiPropertyOptional({
    description: 'District bureau (default) or a street office: (二十) makes each office accountable for its share',
    example: 'DISTRICT_HRSS',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unit?: string;

  @ApiProperty({
    description: 'New jobs in the month (persons), or the unemployment rate in percent (e.g. 3.6)',
    example: 1320,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }, { message: 'must be a number' })
  @Min(0, { message: 'must not be negative' })
  value: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
