import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { localDateOf } from '@casework/kernel';
import type { Actor } from '@casework/domain';
import type { EventStore } from '@casework/event-store';
import { CLOCK, Clock, EVENT_STORE, PG_POOL } from '@casework/platform';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { etagOf } from '../../shared/command-context';
import { readHousehold } from '../shared/read-household';
import { toHouseholdView } from '../shared/household.view';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/households')
export class GetHouseholdHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'The household with its members, plan, visits, risks and schedule; ETag W/"<version>". Outside your street office, say why (reason): the read is recorded.',
  })
  @ApiQuery({
    name: 'reason',
    required: false,
    description: 'Why you read a household of another unit (or X-Access-Reason header)',
  })
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  async get(
    @Param('id') id: string,
    @Query('reason') reasonQuery: unknown,
    @Headers('x-access-reason') reasonHeader: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const at = this.clock.now().toISOString();
    const { state, version } = await readHousehold(
      { store: this.store, pool: this.pool },
      { id, reason: { query: reasonQuery, header: reasonHeader }, actor, at, route: 'GET /api/households/:id' },
    );
    res.setHeader('ETag', etagOf(version));
    return toHouseholdView(state, version, localDateOf(at), actor);
  }
}
