import { Module } from '@nestjs/common';
import { GetDigestHttpController } from './get-digest/get-digest.http.controller';
import { GetDigestHandler } from './get-digest/get-digest.query';
import { VerifyLedgerHttpController } from './verify-ledger/verify-ledger.http.controller';
import { VerifyLedgerHandler } from './verify-ledger/verify-ledger.query';

/** Integrity for inspectors: digests to keep outside the system, and verification of the log. */
@Module({
  controllers: [GetDigestHttpController, VerifyLedgerHttpController],
  providers: [GetDigestHandler, VerifyLedgerHandler],
})
export class LedgerModule {}
