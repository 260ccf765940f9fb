import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { APP_CONFIG, AppConfig } from '@casework/platform';
import { readPayoutsLedger } from '@casework/read-models';
import type { SqlReader } from '@casework/read-models';
import { REPORT_READER } from '../shared/report-reader';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { checkPeriod, scopedUnit } from '../shared/report-dates';
import { GetPayoutsLedgerRequestDto } from './get-payouts-ledger.request.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class GetPayoutsLedgerHttpController {
  constructor(
    @Inject(REPORT_READER) private readonly pool: SqlReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('payouts')
  @ApiOperation({
    summary:
      'Payouts ledger: planned, disbursed, failed, owed, repaid and written-off amounts in fen per programme, unit and month',
  })
  async get(@Query() query: GetPayoutsLedgerRequestDto, @CurrentActor() actor: Actor) {
    checkPeriod(query.from, query.to);
    return readPayoutsLedger(this.pool, this.config.databaseSchema, { ...query, unit: scopedUnit(actor, query.unit) });
  }
}
