import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { GetCheckpointQuery } from './get-checkpoint.query';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/ledger/checkpoint')
export class GetCheckpointHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'The latest signed checkpoint (C2SP tlog-checkpoint note) with its cosignatures' })
  checkpoint(): Promise<string> {
    return this.queries.execute(new GetCheckpointQuery());
  }
}
