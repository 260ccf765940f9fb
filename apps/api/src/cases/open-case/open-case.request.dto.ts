import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

export class BeneficiaryDto {
  @ApiProperty({ enum: ['person', 'enterprise'] }) kind: 'person' | 'enterprise';
  @ApiPropertyOptional({
    description: 'Resident ID number (18 characters, GB 11643-1999), for a person',
    maxLength: 18,
    example: '610102199001011236',
  })
  idNumber?: string;
  @ApiPropertyOptional({
    description: 'Unified social credit code (18 characters, GB 32100-2015), for an enterprise',
    maxLength: 18,
  })
  creditCode?: string;
  @ApiProperty({ maxLength: 100, example: '【示例】张三' }) name: string;
}

export class PeriodDto {
  @ApiProperty({ format: 'date', example: '2020-09-01' }) from: string;
  @ApiProperty({ format: 'date', example: '2020-12-31' }) to: string;
}

/** POST /api/cases: the application. Values are checked by the command catalogue and the programme's facts. */
export class OpenCaseRequestDto {
  @ApiProperty({ maxLength: 64, example: 'STARTUP_ONE_OFF', description: 'Programme code (see the policy catalogue)' })
  @Allow()
  programme: string;

  @ApiProperty({ type: BeneficiaryDto })
  @Allow()
  beneficiary: BeneficiaryDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The programme's facts (see the policy catalogue), e.g. { founder: { idNumber, group }, business: { registeredOn } }",
  })
  @Allow()
  facts: Record<string, unknown>;

  @ApiProperty({ type: PeriodDto })
  @Allow()
  period: PeriodDto;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Day the application was received (default: today, China time); chooses the policy version in force. Not in the future.',
  })
  @Allow()
  applicationDate?: string;
}
