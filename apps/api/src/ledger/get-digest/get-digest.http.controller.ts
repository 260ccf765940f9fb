import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@casework/domain';
import { EventStore } from '@casework/event-store';
import { Digest, computeDigest } from '@casework/ledger';
import { CLOCK, Clock, EVENT_STORE } from '@casework/platform';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { requireRole } from '../../shared/require-role';
import { LEDGER_READERS } from '../ledger-readers';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/ledger/digest')
export class GetDigestHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The current digest of the whole log: keep it outside the system and verify against it later',
  })
  async digest(@CurrentActor() actor: Actor): Promise<{ takenAt: string; digest: Digest }> {
    requireRole(actor, LEDGER_READERS, 'LEDGER_READ_FORBIDDEN', 'Ledger digests and verification');
    return { takenAt: this.clock.now().toISOString(), digest: await computeDigest(this.store) };
  }
}
