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
