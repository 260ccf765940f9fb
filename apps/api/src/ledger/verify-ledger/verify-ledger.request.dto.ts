import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmptyObject, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';

class PositionDto {
  @Matches(/^\d{1,20}$/, { message: 'must be a whole number written as a string' })
  commit: string;

  @Matches(/^\d{1,20}$/, { message: 'must be a whole number written as a string' })
  prepare: string;
}

export class DigestDto {
  @ValidateNested()
  @Type(() => PositionDto)
  @IsNotEmptyObject()
  position: PositionDto;

  @IsInt()
  @Min(0)
  eventCount: number;

  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hexadecimal characters' })
  root: string;

  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hexadecimal characters' })
  setRoot: string;
}

export class VerifyLedgerRequest {
  @ApiPropertyOptional({
    description: 'A digest taken earlier (GET /api/ledger/digest); the log must still match it up to its position',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DigestDto)
  digest?: DigestDto;
}
