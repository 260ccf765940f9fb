import { Controller, Get, Param, Query as QueryParam, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isIsoInstant, validationError } from '@casework/kernel';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseIdPipe } from '../shared/case-id.pipe';
import { etagOf } from '../../shared/command-context';
import { GetCaseQuery } from './get-case.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class GetCaseHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({ summary: 'The case as it is now; ETag W/"<version>" for If-Match' })
  async get(
    @Param('id', CaseIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { version, view } = await this.queries.execute(new GetCaseQuery(id, actor));
    res.setHeader('ETag', etagOf(version));
    return view;
  }

  @Get(':id/as-of')
  @ApiOperation({ summary: 'The case as it stood at an instant (?at=ISO) or after a version (?version=N)' })
  @ApiQuery({ name: 'at', required: false, description: 'ISO-8601 instant, e.g. 2020-10-01T08:00:00Z' })
  @ApiQuery({ name: 'version', required: false, description: 'Stream version, 1 or more' })
  async asOf(
    @Param('id', CaseIdPipe) id: string,
    @QueryParam() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ) {
    const unknown = Object.keys(query).filter((k) => k !== 'at' && k !== 'version');
    if (unknown.length)
      throw validationError(unknown.map((field) => ({ field, reason: 'is not a known parameter; use at or version' })));
    const { at, version } = query;
    if ((at === undefined) === (version === undefined))
      throw validationError([{ field: 'at', reason: 'give exactly one of at (an ISO instant) or version' }]);
    if (at !== undefined && !isIsoInstant(at))
      throw validationError([
        { field: 'at', reason: 'must be an ISO-8601 instant with a time zone, e.g. 2020-10-01T08:00:00Z' },
      ]);
    if (version !== undefined && (typeof version !== 'string' || !/^[1-9]\d{0,8}$/.test(version)))
      throw validationError([{ field: 'version', reason: 'must be a whole number of 1 or more' }]);
    const { version: v, view } = await this.queries.execute(
      new GetCaseQuery(
        id,
        actor,
        at !== undefined ? { asOf: new Date(at).toISOString() } : { toVersion: Number(version) },
      ),
    );
    return { asOf: at ?? null, requestedVersion: version === undefined ? null : Number(version), ...view, version: v };
  }
}
