import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { forbidden, localDateOf } from '@casework/kernel';
import type { Actor } from '@casework/domain';
import { queryHouseholdBoard } from '@casework/read-models';
import { CLOCK, Clock, PG_POOL } from '@casework/platform';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { accessReasonOf, reasonRequired, recordHouseholdReads } from '../shared/household-access';
import { boardScopeOf, parseBoardQuery } from './household-board.query-params';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/households')
export class HouseholdBoardHttpController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
  async board(
    @Query() query: Record<string, unknown>,
    @Headers('x-access-reason') reasonHeader: string | undefined,
    @CurrentActor() actor: Actor,
  ) {
    const scope = boardScopeOf(actor);
    if (!scope)
      throw forbidden(
        'HOUSEHOLD_OUT_OF_SCOPE',
        `Users of ${actor.unit} do not follow households; the board is for street offices, the district bureau and inspectors.`,
        { unit: actor.unit },
      );
    const request = parseBoardQuery(query);
    if (!scope.all && request.streetOffice !== undefined && request.streetOffice !== scope.office) {
      throw forbidden(
        'HOUSEHOLD_OUT_OF_SCOPE',
        `You may only see the households of ${scope.office}, not of ${request.streetOffice}.`,
        { unit: actor.unit },
      );
    }
    const reason = accessReasonOf({ query: query.reason, header: reasonHeader });
    if (scope.all && reason === null) throw reasonRequired();
    const offices = scope.all ? (request.streetOffice ? [request.streetOffice] : undefined) : [scope.office];
    const at = this.clock.now().toISOString();
    const today = request.on ?? localDateOf(at);
    const page = await queryHouseholdBoard(
      this.pool,
      'household_board',
      { ...request.filter, streetOffices: offices },
      today,
    );
    if (scope.all) {
      const { reason: _r, ...filters } = query;
      await recordHouseholdReads(
        this.pool,
        actor,
        page.items.map((i) => i.householdId),
        reason!,
        at,
        { route: 'GET /api/households', filters },
      );
    }
    return { today, page: request.page, pageSize: request.pageSize, total: page.total, items: page.items };
  }
}
