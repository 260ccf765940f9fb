import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { etagOf } from '../../shared/command-context';
import { GetHouseholdQuery } from './get-household.query';

@ApiTags('households')
@ApiBearerAuth()
@Controller('api/households')
export class GetHouseholdHttpController {
  constructor(private readonly queries: QueryBus) {}

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
    const { version, view } = await this.queries.execute(
      new GetHouseholdQuery(id, { query: reasonQuery, header: reasonHeader }, actor),
    );
    res.setHeader('ETag', etagOf(version));
    return view;
  }
}
