import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { localDateOf } from '@casework/kernel';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@casework/platform';
import { readAccountability, type AccountabilityReport } from '@casework/read-models';
import type { SqlReader } from '@casework/read-models';
import { REPORT_READER } from '../shared/report-reader';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { checkPeriod, scopedUnit } from '../shared/report-dates';
import { GetAccountabilityRequestDto } from './get-accountability.request.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class GetAccountabilityHttpController {
  constructor(
    @Inject(REPORT_READER) private readonly pool: SqlReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('accountability')
  @ApiOperation({
    summary:
      'Accountability per street office and lead department: cases received and decided, working days per step (median, 90th percentile), overdue steps and who holds them, rejection rate, objections, overdue household visits, targets',
  })
  @ApiOkResponse({ description: 'The report; counts over the period, overdue judged on asOf' })
  async get(@Query() query: GetAccountabilityRequestDto, @CurrentActor() actor: Actor): Promise<AccountabilityReport> {
    checkPeriod(query.from, query.to);
    checkPeriod(query.asOf);
    return readAccountability(this.pool, this.config.databaseSchema, {
      from: query.from,
      to: query.to,
      unit: scopedUnit(actor, query.unit),
      asOf: query.asOf ?? localDateOf(this.clock.now().toISOString()),
    });
  }
}
