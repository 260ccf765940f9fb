import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import type { Actor } from '@casework/domain';
import type { EventStore } from '@casework/event-store';
import { CLOCK, Clock, EVENT_STORE, PG_POOL } from '@casework/platform';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { etagOf } from '../../shared/command-context';
import { readHousehold } from '../shared/read-household';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/households')
export class HouseholdHistoryHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
    const at = this.clock.now().toISOString();
    const { householdId, version, events } = await readHousehold(
      { store: this.store, pool: this.pool },
      { id, reason: { query: reasonQuery, header: reasonHeader }, actor, at, route: 'GET /api/households/:id/history' },
    );
    res.setHeader('ETag', etagOf(version));
    return {
      id: householdId,
      version,
      events: events.map((e) => ({
        version: e.version,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        hash: e.hash,
        prevHash: e.prevHash,
      })),
    };
  }
}
