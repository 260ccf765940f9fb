import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@casework/domain';
import type { EventStore } from '@casework/event-store';
import { eventKeyringOf, verifyLedger, type LedgerVerification } from '@casework/ledger';
import { EVENT_STORE } from '@casework/platform';
import { requireRole } from '../../shared/require-role';
import { LEDGER_READERS } from '../ledger-readers';
import { LogKeys } from '../log-keys';
import type { VerifyLedgerRequest } from './verify-ledger.request.dto';

/** A query although it is POSTed (the digest to check against is a body): it changes nothing. */
export class VerifyLedgerQuery extends Query<LedgerVerification> {
  constructor(
    readonly againstDigest: VerifyLedgerRequest['digest'],
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * Every hash chain, row seal and event signature (with the log's key) and the global order,
 * optionally against an earlier digest; the first 50 problems.
 */
@QueryHandler(VerifyLedgerQuery)
export class VerifyLedgerHandler implements IQueryHandler<VerifyLedgerQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: LogKeys,
  ) {}

  execute({ againstDigest, actor }: VerifyLedgerQuery): Promise<LedgerVerification> {
    requireRole(actor, LEDGER_READERS, 'LEDGER_READ_FORBIDDEN', 'Ledger digests and verification');
    return verifyLedger(this.store, { againstDigest, maxProblems: 50, keyring: eventKeyringOf(this.keys.log()) });
  }
}
