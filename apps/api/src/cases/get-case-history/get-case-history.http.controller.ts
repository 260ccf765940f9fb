import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseIdPipe } from '../shared/case-id.pipe';
import { GetCaseHistoryQuery } from './get-case-history.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class GetCaseHistoryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the case with its metadata and hashes' })
  history(@Param('id', CaseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetCaseHistoryQuery(id, actor));
  }
}
