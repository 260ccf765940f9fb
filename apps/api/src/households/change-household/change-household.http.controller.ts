import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { correlationIdOf, etagOf, idempotencyKeyOf } from '../../shared/command-context';
import { checkBodyFirst, resolveCommand, type CommandHeaders } from '../../shared/command-routes';
import { ChangeHouseholdCommand } from '../shared/change-household.command';
import { HOUSEHOLD_COMMAND_ROUTES } from './change-household.routes';

/**
 * Every household command after registration: `POST /api/households/:id/<route>`, the segment
 * looked up in HOUSEHOLD_COMMANDS. The body's shape is checked first (400 naming the field, as for
 * cases), then the handler checks scope, then If-Match; with an Idempotency-Key a repeat of the same
 * request gets the first answer, another request with that key a 409.
 * OpenAPI documents each command's own path (addCommandPaths), not this pattern.
 */
@Controller('api/households')
export class ChangeHouseholdHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/:command')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async change(
    @Param('id') householdId: string,
    @Param('command') segment: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Headers() headers: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = resolveCommand(HOUSEHOLD_COMMAND_ROUTES, segment);
    const result = await this.commands.execute(
      new ChangeHouseholdCommand(
        // The catalogue's opener (registration) has no route here, so the name is one ChangeHouseholdCommand takes.
        command.name as ConstructorParameters<typeof ChangeHouseholdCommand>[0],
        householdId,
        checkBodyFirst(HOUSEHOLD_COMMAND_ROUTES, command, body),
        actor,
        headers['if-match'],
        correlationIdOf(headers['x-correlation-id']),
        idempotencyKeyOf(headers['idempotency-key']),
      ),
    );
    res.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
