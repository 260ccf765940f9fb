// The transparency log as stored in PostgreSQL (issue 8): the tree, checkpoints, cosignatures, the log key.
export * from './tree-store';
export * from './checkpoint-store';
export * from './checkpointer';
export * from './log-key';
