import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { ChangesNothing } from '../../auth/changes-nothing.decorator';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { VerifyLedgerQuery } from './verify-ledger.query';
import { VerifyLedgerRequest } from './verify-ledger.request.dto';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/ledger/verify')
export class VerifyLedgerHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(200)
  @ChangesNothing()
  @ApiOperation({
    summary:
      'Verify every hash chain and the global order, optionally against an earlier digest; reports the first bad position and why',
  })
  verify(@CurrentActor() actor: Actor, @Body() body: VerifyLedgerRequest) {
    return this.queries.execute(new VerifyLedgerQuery(body.digest, actor));
  }
}
