/**
 * The few typed errors business code throws. One exception filter (libs/platform) maps them to
 * Problem Details: validation 400, forbidden 403, not_found 404, illegal_state 409, conflict 409,
 * stale_version 412, precondition_required 428, too_many_requests 429 (with `retryAfterSeconds`).
 * Business code never throws HTTP exceptions.
 */
export type DomainErrorKind =
  | 'validation'
  | 'forbidden'
  | 'not_found'
  | 'illegal_state'
  | 'conflict'
  | 'stale_version'
  | 'precondition_required'
  | 'too_many_requests';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `applicant.idNumber`. */
  field: string;
  /** Plain words a caseworker understands. */
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine code, e.g. `ILLEGAL_TRANSITION`, `SEPARATION_OF_DUTIES`. */
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> & { errors?: FieldProblem[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validationError = (errors: FieldProblem[], message?: string) =>
  new DomainError(
    'validation',
    'VALIDATION_FAILED',
    message ?? errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
    { errors },
  );

export const illegalTransition = (state: string, command: string, allowed: string[]) =>
  new DomainError(
    'illegal_state',
    'ILLEGAL_TRANSITION',
    `Command "${command}" is not allowed in state "${state}". Allowed here: ${allowed.join(', ') || 'none'}.`,
    { state, command, allowed },
  );

export const forbidden = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('forbidden', code, message, details);

/** Refused for now; `retryAfterSeconds` becomes the Retry-After header. */
export const tooManyRequests = (
  code: string,
  message: string,
  retryAfterSeconds: number,
  details: Record<string, unknown> = {},
) => new DomainError('too_many_requests', code, message, { ...details, retryAfterSeconds });
