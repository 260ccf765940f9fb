import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import type { AccountabilityReport } from '@casework/read-models';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { GetAccountabilityQuery } from './get-accountability.query';
import { GetAccountabilityRequestDto } from './get-accountability.request.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class GetAccountabilityHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('accountability')
  @ApiOperation({
    summary:
      'Accountability per street office and lead department: cases received and decided, working days per step (median, 90th percentile), overdue steps and who holds them, rejection rate, objections, overdue household visits, targets',
  })
  @ApiOkResponse({ description: 'The report; counts over the period, overdue judged on asOf' })
  async get(@Query() query: GetAccountabilityRequestDto, @CurrentActor() actor: Actor): Promise<AccountabilityReport> {
    return this.queries.execute(new GetAccountabilityQuery(query, actor));
  }
}
