import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { correlationIdOf, etagOf, idempotencyKeyOf, parseIfMatch } from '../../shared/command-context';
import { checkBodyFirst, resolveCommand, type CommandHeaders } from '../../shared/command-routes';
import { commandIdFor, requestHashOf } from '../../shared/idempotency';
import { CaseIdPipe } from '../shared/case-id.pipe';
import { ChangeCaseCommand } from './change-case.command';
import { CASE_COMMAND_ROUTES } from './change-case.routes';

/**
 * Every workflow command on a case (DESIGN §6): `POST /api/cases/:id/<route>`, the segment looked
 * up in CASE_COMMANDS. Each needs If-Match and answers with the new ETag; with an Idempotency-Key a
 * repeat of the same request gets the first answer (its ETag too), another request with that key a 409. OpenAPI documents each
 * command's own path (addCommandPaths), not this pattern.
 */
@Controller('api/cases')
export class ChangeCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/:command')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async change(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('command') segment: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Headers() headers: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = resolveCommand(CASE_COMMAND_ROUTES, segment);
    const data = checkBodyFirst(CASE_COMMAND_ROUTES, command, body) as Record<string, unknown>;
    const expectedVersion = parseIfMatch(headers['if-match']);
    const key = idempotencyKeyOf(headers['idempotency-key']);
    const commandId = commandIdFor('case', actor.userId, caseId, key);
    const result = await this.commands.execute(
      // The catalogue's opener (submit) has no route here, so the name is one ChangeCaseCommand takes.
      new ChangeCaseCommand(command.name as ConstructorParameters<typeof ChangeCaseCommand>[0], caseId, data, {
        actor,
        expectedVersion,
        commandId,
        correlationId: correlationIdOf(headers['x-correlation-id']),
        requestHash: key ? requestHashOf(command.name, data) : undefined,
      }),
    );
    res.setHeader('ETag', etagOf(result.version));
    return result.view;
  }
}
