import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { GetDigestQuery } from './get-digest.query';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/ledger/digest')
export class GetDigestHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The current digest of the whole log: keep it outside the system and verify against it later',
  })
  digest(@CurrentActor() actor: Actor) {
    return this.queries.execute(new GetDigestQuery(actor));
  }
}
