import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { validationError } from '@casework/kernel';
import { optionalWholeNumber } from '../ledger-params';
import { GetInclusionProofQuery } from './get-inclusion-proof.query';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/ledger/proofs/inclusion')
export class GetInclusionProofHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiQuery({ name: 'eventId', required: true })
  @ApiQuery({ name: 'size', required: false, description: 'Tree size; default the latest checkpoint' })
  @ApiOperation({ summary: "RFC 9162 inclusion proof of an event's leaf in the tree of the given size" })
  proof(@QueryParam('eventId') eventId: unknown, @QueryParam('size') size: unknown) {
    if (typeof eventId !== 'string' || eventId === '' || eventId.length > 100)
      throw validationError([{ field: 'eventId', reason: '必填：事件 ID。is required: an event id' }]);
    if (size !== undefined && typeof size !== 'string')
      throw validationError([{ field: 'size', reason: '只能给一次。must be given once' }]);
    return this.queries.execute(new GetInclusionProofQuery(eventId, optionalWholeNumber('size', size, 1)));
  }
}
