import { Controller, Get, Headers, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { GetHouseholdBoardQuery } from './get-household-board.query';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/households')
export class GetHouseholdBoardHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'The household board: filter by village, street office, status, overdue (visit, measure, plan or any), zero employment, responsible cadre, open risks. ' +
      'Street-office users see their own office; district staff and inspectors see all and must give a reason (the read is recorded).',
  })
  @ApiQuery({ name: 'village', required: false })
  @ApiQuery({ name: 'streetOffice', required: false, example: 'STREET_XIYI' })
  @ApiQuery({ name: 'status', required: false, enum: ['lifted', 'not_lifted', 'at_risk', 'edge'] })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'any', 'visit', 'measure', 'plan'] })
  @ApiQuery({ name: 'zeroEmployment', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'cadre', required: false, description: 'User id of the responsible cadre' })
  @ApiQuery({ name: 'openRisks', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'on', required: false, description: 'Judge overdue as of this day (YYYY-MM-DD); default today' })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  @ApiQuery({
    name: 'reason',
    required: false,
    description: 'Why you read households of other units (or X-Access-Reason header)',
  })
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  board(
    @Query() query: Record<string, unknown>,
    @Headers('x-access-reason') reasonHeader: string | undefined,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.execute(new GetHouseholdBoardQuery(query, reasonHeader, actor));
  }
}
