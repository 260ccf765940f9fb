import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ListCasesQuery } from './list-cases.query';
import { ListCasesRequest } from './list-cases.request.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class ListCasesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The case queue: filter by state, programme, unit, assignee, overdue; sorted and paged' })
  list(@CurrentActor() actor: Actor, @Query() q: ListCasesRequest) {
    return this.queries.execute(new ListCasesQuery(q, actor));
  }
}
