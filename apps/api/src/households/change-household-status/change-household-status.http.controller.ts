import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HOUSEHOLD_COMMANDS, type Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { correlationIdOf, etagOf } from '../../shared/command-context';
import { ChangeHouseholdCommand } from '../shared/change-household.command';
import { HouseholdCommandRoute } from '../shared/household-command.decorator';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/households')
export class ChangeHouseholdStatusHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(`:id/${HOUSEHOLD_COMMANDS.changeHouseholdStatus.route}`)
  @HttpCode(200)
  @HouseholdCommandRoute('changeHouseholdStatus')
  async changeHouseholdStatus(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(
      new ChangeHouseholdCommand('changeHouseholdStatus', id, body, actor, ifMatch, correlationIdOf(correlationId)),
    );
    res.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
