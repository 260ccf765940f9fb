import { Module } from '@nestjs/common';
import { GetDigestHttpController } from './get-digest/get-digest.http.controller';
import { VerifyLedgerHttpController } from './verify-ledger/verify-ledger.http.controller';

/** Integrity for inspectors: digests to keep outside the system, and verification of the log. */
@Module({ controllers: [GetDigestHttpController, VerifyLedgerHttpController] })
export class LedgerModule {}
