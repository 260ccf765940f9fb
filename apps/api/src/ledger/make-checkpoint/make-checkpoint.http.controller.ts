import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { ChangesNothing } from '../../auth/changes-nothing.decorator';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { MakeCheckpointCommand } from './make-checkpoint.command';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/ledger/checkpoints')
export class MakeCheckpointHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  // Signing what the log already holds changes no case: inspectors may ask for it.
  @ChangesNothing()
  @ApiOperation({
    summary: 'Sign a checkpoint of the log now (inspector); returns the latest one when the log has not grown',
  })
  make(@CurrentActor() actor: Actor) {
    return this.commands.execute(new MakeCheckpointCommand(actor));
  }
}
