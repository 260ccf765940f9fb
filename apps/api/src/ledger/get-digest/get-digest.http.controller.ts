import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@casework/domain';
import { EventStore } from '@casework/event-store';
import { Digest, computeDigest } from '@casework/ledger';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { assertLedgerReader } from '../ledger-readers';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/ledger/digest')
export class GetDigestHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The current digest of the whole log: keep it outside the system and verify against it later' })
  async digest(@CurrentActor() actor: Actor): Promise<{ takenAt: string; digest: Digest }> {
    assertLedgerReader(actor);
    return { takenAt: this.clock.now().toISOString(), digest: await computeDigest(this.store) };
  }
}
