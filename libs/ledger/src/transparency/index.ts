// Transparency of the log (issue 8): Merkle tree and proofs, signed checkpoints, cosignatures,
// the witness's decision and evidence bundles. Pure: no I/O, no clock.
export * from './merkle';
export * from './signed-note';
export * from './witness';
export * from './evidence-bundle';
