import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { validationError } from '@casework/kernel';
import { wholeNumber } from '../ledger-params';
import { GetConsistencyProofQuery } from './get-consistency-proof.query';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/ledger/proofs/consistency')
export class GetConsistencyProofHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ApiOperation({ summary: 'RFC 9162 consistency proof that the tree of size `to` extends the tree of size `from`' })
  proof(@QueryParam('from') from: unknown, @QueryParam('to') to: unknown) {
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (value !== undefined && typeof value !== 'string')
        throw validationError([{ field, reason: '只能给一次。must be given once' }]);
    return this.queries.execute(
      new GetConsistencyProofQuery(
        wholeNumber('from', from as string | undefined, 0),
        wholeNumber('to', to as string | undefined, 0),
      ),
    );
  }
}
