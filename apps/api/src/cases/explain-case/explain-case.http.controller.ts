import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseIdPipe } from '../shared/case-id.pipe';
import { ExplainCaseQuery } from './explain-case.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class ExplainCaseHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/explain')
  @ApiOperation({ summary: 'Why: each condition with its value and clause, the amount formula, the policy version' })
  explain(@Param('id', CaseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ExplainCaseQuery(id, actor));
  }
}
