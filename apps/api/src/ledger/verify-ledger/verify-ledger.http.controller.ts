import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@casework/domain';
import { EventStore } from '@casework/event-store';
import { LedgerVerification, verifyLedger } from '@casework/ledger';
import { EVENT_STORE } from '@casework/platform';
import { ChangesNothing } from '../../auth/changes-nothing.decorator';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { requireRole } from '../../shared/require-role';
import { LEDGER_READERS } from '../ledger-readers';
import { VerifyLedgerRequest } from './verify-ledger.request.dto';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/ledger/verify')
export class VerifyLedgerHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post()
  @HttpCode(200)
  @ChangesNothing()
  @ApiOperation({
    summary:
      'Verify every hash chain and the global order, optionally against an earlier digest; reports the first bad position and why',
  })
  async verify(@CurrentActor() actor: Actor, @Body() body: VerifyLedgerRequest): Promise<LedgerVerification> {
    requireRole(actor, LEDGER_READERS, 'LEDGER_READ_FORBIDDEN', 'Ledger digests and verification');
    return verifyLedger(this.store, { againstDigest: body.digest, maxProblems: 50 });
  }
}
