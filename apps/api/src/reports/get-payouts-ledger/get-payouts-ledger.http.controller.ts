import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { GetPayoutsLedgerQuery } from './get-payouts-ledger.query';
import { GetPayoutsLedgerRequestDto } from './get-payouts-ledger.request.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class GetPayoutsLedgerHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('payouts')
  @ApiOperation({
    summary:
      'Payouts ledger: planned, disbursed, failed, owed, repaid and written-off amounts in fen per programme, unit and month',
  })
  async get(@Query() query: GetPayoutsLedgerRequestDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetPayoutsLedgerQuery(query, actor));
  }
}
