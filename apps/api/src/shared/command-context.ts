import { randomUUID } from 'node:crypto';
import { DomainError, validationError } from '@casework/kernel';
import type { Actor } from '@casework/domain';

/** What every case command carries besides its body: who, the version the client saw, trace ids. */
export interface CommandContext {
  actor: Actor;
  /** The version the client read (If-Match); null for opening a case. */
  expectedVersion: number | null;
  commandId: string;
  correlationId: string;
  /** The request's hash (requestHashOf), so a repeated command id with another request is a 409. */
  requestHash?: string;
}

const MAX_HEADER = 200;
const TOKEN = /^[A-Za-z0-9._:-]{1,200}$/;

export const etagOf = (version: number): string => `W/"${version}"`;

/** `If-Match: W/"3"` (or `"3"`) → 3. Missing → 428; malformed → 400 naming the header. */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new DomainError(
      'precondition_required',
      'IF_MATCH_REQUIRED',
      'Send the If-Match header with the ETag you read (from the GET of the case or household), e.g. If-Match: W/"3".',
    );
  }
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!m) throw validationError([{ field: 'If-Match', reason: 'must be the ETag you read, e.g. W/"3"' }]);
  return Number(m[1]);
}

/** The correlation id from `X-Correlation-Id`, or a new one. */
export function correlationIdOf(header: string | undefined): string {
  if (header === undefined || header === '') return randomUUID();
  if (header.length > MAX_HEADER || !TOKEN.test(header)) {
    throw validationError([
      { field: 'X-Correlation-Id', reason: 'must be 1 to 200 letters, digits, dots, colons, dashes or underscores' },
    ]);
  }
  return header;
}

/** The `Idempotency-Key`, checked; null when absent. */
export function idempotencyKeyOf(header: string | undefined): string | null {
  if (header === undefined || header === '') return null;
  if (header.length > MAX_HEADER || !TOKEN.test(header)) {
    throw validationError([
      { field: 'Idempotency-Key', reason: 'must be 1 to 200 letters, digits, dots, colons, dashes or underscores' },
    ]);
  }
  return header;
}
