import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

export class AddCosignatureRequest {
  @ApiProperty({ description: 'Size of the checkpoint the witness cosigned' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  size: number;

  @ApiProperty({ description: 'The cosignature line, "— <witness name> <base64>" (C2SP tlog-cosignature)' })
  @IsString()
  @MaxLength(500)
  cosignature: string;
}
