export { computeDigest, DigestBuilder, eventLeaf } from './digest';
export type { Digest } from './digest';
export { verifyLedger, checkStream } from './verify-ledger';
export type {
  LedgerProblem,
  LedgerProblemKind,
  LedgerVerification,
  VerifyLedgerOptions,
  VerifyProgress,
} from './verify-ledger';
export * from './transparency';
export * from './log';
