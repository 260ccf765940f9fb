import { Module } from '@nestjs/common';
import { AddCosignatureHandler } from './add-cosignature/add-cosignature.command';
import { AddCosignatureHttpController } from './add-cosignature/add-cosignature.http.controller';
import { GetCaseEvidenceHttpController } from './get-case-evidence/get-case-evidence.http.controller';
import { GetCaseEvidenceHandler } from './get-case-evidence/get-case-evidence.query';
import { GetCheckpointHttpController } from './get-checkpoint/get-checkpoint.http.controller';
import { GetCheckpointHandler } from './get-checkpoint/get-checkpoint.query';
import { GetConsistencyProofHttpController } from './get-consistency-proof/get-consistency-proof.http.controller';
import { GetConsistencyProofHandler } from './get-consistency-proof/get-consistency-proof.query';
import { GetDigestHttpController } from './get-digest/get-digest.http.controller';
import { GetDigestHandler } from './get-digest/get-digest.query';
import { GetInclusionProofHttpController } from './get-inclusion-proof/get-inclusion-proof.http.controller';
import { GetInclusionProofHandler } from './get-inclusion-proof/get-inclusion-proof.query';
import { GetKeysHttpController } from './get-keys/get-keys.http.controller';
import { GetKeysHandler } from './get-keys/get-keys.query';
import { LogKeys } from './log-keys';
import { MakeCheckpointHttpController } from './make-checkpoint/make-checkpoint.http.controller';
import { MakeCheckpointHandler } from './make-checkpoint/make-checkpoint.command';
import { VerifyLedgerHttpController } from './verify-ledger/verify-ledger.http.controller';
import { VerifyLedgerHandler } from './verify-ledger/verify-ledger.query';

/**
 * Integrity for inspectors: digests and verification of the log, and its transparency log (issue 8):
 * keys, signed checkpoints, cosignatures by witnesses, inclusion and consistency proofs, evidence bundles.
 */
@Module({
  controllers: [
    GetDigestHttpController,
    VerifyLedgerHttpController,
    GetKeysHttpController,
    GetCheckpointHttpController,
    MakeCheckpointHttpController,
    GetInclusionProofHttpController,
    GetConsistencyProofHttpController,
    AddCosignatureHttpController,
    GetCaseEvidenceHttpController,
  ],
  providers: [
    LogKeys,
    GetDigestHandler,
    VerifyLedgerHandler,
    GetKeysHandler,
    GetCheckpointHandler,
    MakeCheckpointHandler,
    GetInclusionProofHandler,
    GetConsistencyProofHandler,
    AddCosignatureHandler,
    GetCaseEvidenceHandler,
  ],
})
export class LedgerModule {}
