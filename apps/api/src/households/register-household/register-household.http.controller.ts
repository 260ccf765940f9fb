import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { correlationIdOf, etagOf, idempotencyKeyOf } from '../../shared/command-context';
import { HouseholdCommandRoute } from '../shared/household-command.decorator';
import { RegisterHouseholdCommand } from './register-household.command';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/households')
export class RegisterHouseholdHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HouseholdCommandRoute('registerHousehold')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeating a request with the same key returns the first answer and registers nothing new',
  })
  async register(
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(
      new RegisterHouseholdCommand(body, actor, idempotencyKeyOf(idempotencyKey), correlationIdOf(correlationId)),
    );
    res.status(201).location(`/api/households/${result.householdId}`).setHeader('ETag', etagOf(result.version));
    return result.view;
  }
}
