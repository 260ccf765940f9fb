export class ConcurrencyError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | string,
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId}: expected version ${expectedVersion}, actual version ${actualVersion}`);
    this.name = 'ConcurrencyError';
  }
}

/**
 * The append ran in a transaction that began writing before the stream's last event was
 * committed (stored after it, the new event would precede its predecessor in the global order), or
 * that wrote something else before its first append (a reader may already have passed its id).
 * Roll back and run the whole transaction again. Only appends inside a caller's transaction
 * can get it; the store retries its own.
 */
export class TransactionOrderError extends Error {
  readonly code = 'APPEND_TRANSACTION_TOO_OLD';
  constructor(readonly streamId: string) {
    super(
      `Stream ${streamId}: this transaction began writing before the stream's last event was committed; roll back and retry it`,
    );
    this.name = 'TransactionOrderError';
  }
}

/**
 * A command id that was applied already came again with another request (its AppendContext
 * requestHash differs from the one stored): not a retry but a reused idempotency key.
 */
export class CommandReusedError extends Error {
  readonly code = 'COMMAND_REUSED';
  constructor(
    readonly streamId: string,
    readonly commandId: string,
  ) {
    super(`Stream ${streamId}: command ${commandId} was applied already with another request`);
    this.name = 'CommandReusedError';
  }
}
