import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { etagOf } from '../../shared/command-context';
import { GetHouseholdHistoryQuery } from './get-household-history.query';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/households')
export class GetHouseholdHistoryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the household with its metadata (who, when, under which command) and hash' })
  @ApiQuery({
    name: 'reason',
    required: false,
    description: 'Why you read a household of another unit (or X-Access-Reason header)',
  })
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  async history(
    @Param('id') id: string,
    @Query('reason') reasonQuery: unknown,
    @Headers('x-access-reason') reasonHeader: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const history = await this.queries.execute(
      new GetHouseholdHistoryQuery(id, { query: reasonQuery, header: reasonHeader }, actor),
    );
    res.setHeader('ETag', etagOf(history.version));
    return history;
  }
}
