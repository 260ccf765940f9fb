import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmptyObject, IsObject, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';

const WHOLE_NUMBER = /^\d{1,20}$/;
const HEX64 = /^[0-9a-f]{64}$/;

class PositionDto {
  @ApiProperty({ description: 'Commit part of the global position (a transaction id)', pattern: WHOLE_NUMBER.source })
  @IsString()
  @Matches(WHOLE_NUMBER, { message: 'must be a whole number written as a string' })
  commit: string;

  @ApiProperty({ description: 'Prepare part of the global position (a sequence number)', pattern: WHOLE_NUMBER.source })
  @IsString()
  @Matches(WHOLE_NUMBER, { message: 'must be a whole number written as a string' })
  prepare: string;
}

export class DigestDto {
  @ApiProperty({ type: PositionDto, description: 'Position of the last event the digest covers' })
  @IsObject()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => PositionDto)
  position: PositionDto;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  eventCount: number;

  @ApiProperty({ pattern: HEX64.source, description: 'Chained root of the events in global order' })
  @IsString()
  @Matches(HEX64, { message: 'must be 64 lower-case hexadecimal characters' })
  root: string;

  @ApiProperty({ pattern: HEX64.source, description: 'Order-free sum of the leaves' })
  @IsString()
  @Matches(HEX64, { message: 'must be 64 lower-case hexadecimal characters' })
  setRoot: string;
}

export class VerifyLedgerRequest {
  @ApiPropertyOptional({
    type: DigestDto,
    description: 'A digest taken earlier (GET /api/ledger/digest); the log must still match it up to its position',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DigestDto)
  digest?: DigestDto;
}
