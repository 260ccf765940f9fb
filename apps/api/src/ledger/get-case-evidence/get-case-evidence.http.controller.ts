import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseIdPipe } from '../../cases/shared/case-id.pipe';
import { GetCaseEvidenceQuery } from './get-case-evidence.query';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/cases')
export class GetCaseEvidenceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/evidence')
  @ApiOperation({
    summary:
      'The evidence bundle of a case (inspector): its events, inclusion proofs and the signed checkpoint; verify offline with npm run -s verify-evidence',
  })
  evidence(@Param('id', CaseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetCaseEvidenceQuery(id, actor));
  }
}
