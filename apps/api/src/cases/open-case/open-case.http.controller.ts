import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { correlationIdOf, etagOf, idempotencyKeyOf } from '../../shared/command-context';
import { OpenCaseCommand } from './open-case.command';
import { OpenCaseRequestDto } from './open-case.request.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class OpenCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Open (submit) a case; eligibility is evaluated under the policy version in force on the application date',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeating a request with the same key returns the first answer and creates nothing new',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ description: 'The new case; Location and ETag headers set' })
  async open(
    @Body() body: OpenCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(
      new OpenCaseCommand({ ...body }, actor, idempotencyKeyOf(idempotencyKey), correlationIdOf(correlationId)),
    );
    res.status(201).location(`/api/cases/${result.caseId}`).setHeader('ETag', etagOf(result.version));
    return result.view;
  }
}
