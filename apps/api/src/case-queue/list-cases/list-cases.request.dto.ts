import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CASE_STATUSES } from '@casework/domain';

export const CASE_SORT_FIELDS = ['openedAt', 'lastEventAt', 'dueOn', 'state', 'programme', 'unit'] as const;
const SORTS = CASE_SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

/** GET /api/cases: the case queue, filtered, sorted and paged. */
export class ListCasesRequest {
  @ApiPropertyOptional({ enum: CASE_STATUSES.filter((s) => s !== 'none') })
  @IsOptional()
  @IsIn(CASE_STATUSES.filter((s) => s !== 'none'), {
    message: `must be one of ${CASE_STATUSES.filter((s) => s !== 'none').join(', ')}`,
  })
  state?: string;

  @ApiPropertyOptional({ description: 'Programme code, e.g. SOCIAL_INSURANCE_EMPLOYER' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  programme?: string;

  @ApiPropertyOptional({ description: 'Unit that opened the case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unit?: string;

  @ApiPropertyOptional({ description: 'Role that holds the next step (e.g. reviewer)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  assignee?: string;

  @ApiPropertyOptional({ description: 'Only cases whose next step is past (true) or not past (false) its due day' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: SORTS,
    default: '-lastEventAt',
    description: 'Field to sort by; a leading - sorts descending',
  })
  @IsOptional()
  @IsIn(SORTS, { message: `must be one of ${SORTS.join(', ')}` })
  sort?: string;

  // Bounded so the offset stays a number PostgreSQL accepts (as the household board's page).
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  @Max(100_000, { message: 'must be 100000 or less' })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  @Max(100, { message: 'must be 100 or less' })
  pageSize?: number;
}
