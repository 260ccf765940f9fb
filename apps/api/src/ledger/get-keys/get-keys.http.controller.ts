import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetKeysQuery } from './get-keys.query';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/ledger/keys')
export class GetKeysHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "The transparency log's public key and the witnesses' keys: keep them outside the system" })
  keys() {
    return this.queries.execute(new GetKeysQuery());
  }
}
