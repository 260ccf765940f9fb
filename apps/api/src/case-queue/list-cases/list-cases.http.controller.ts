import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { forbidden, localDateOf } from '@casework/kernel';
import { Actor } from '@casework/domain';
import { isStreetOffice } from '@casework/identity';
import { CLOCK, Clock } from '@casework/platform';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { listCases } from './list-cases.query';
import { ListCasesRequest } from './list-cases.request.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class ListCasesHttpController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The case queue: filter by state, programme, unit, assignee, overdue; sorted and paged' })
  async list(@CurrentActor() actor: Actor, @Query() q: ListCasesRequest) {
    // A street office works its own cases only; the district sees the whole district.
    if (isStreetOffice(actor.unit)) {
      if (q.unit && q.unit !== actor.unit) {
        throw forbidden('CASE_UNIT_FORBIDDEN', `Staff of ${actor.unit} see only their own unit's cases.`, {
          unit: q.unit,
        });
      }
      q.unit = actor.unit;
    }
    return listCases(this.db, q, localDateOf(this.clock.now().toISOString()));
  }
}
