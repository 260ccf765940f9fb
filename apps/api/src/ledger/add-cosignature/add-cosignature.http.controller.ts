import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/public.decorator';
import { AddCosignatureCommand } from './add-cosignature.command';
import { AddCosignatureRequest } from './add-cosignature.request.dto';

@ApiTags('ledger')
@Controller('api/ledger/cosignatures')
export class AddCosignatureHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  // A witness is authenticated by its key (the cosignature must verify), not by a user account.
  @Public()
  @ApiOperation({
    summary: "A witness's cosignature of a checkpoint; accepted only if it verifies against a configured witness key",
  })
  add(@Body() body: AddCosignatureRequest) {
    return this.commands.execute(new AddCosignatureCommand(body.size, body.cosignature));
  }
}
