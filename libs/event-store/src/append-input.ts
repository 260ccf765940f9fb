import { randomUUID } from 'node:crypto';
import { contentHashPrefix } from './integrity/canonical';
import {
  RECORDED_AT_BY_STORE,
  signPrefix,
  signedPrefixOf,
  type EventSignature,
  type EventSigner,
} from './integrity/event-signing';
import type { AppendContext, EventMetadata, ExpectedVersion, NewEvent, StreamWrite } from './event-store.port';

/**
 * The part of an append every adapter does the same way: checking the input and building the
 * metadata. Adapters may create ids and read the clock; domain code may not.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidAppendError extends TypeError {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/** 'no_stream' means version 0. */
export function normaliseExpected(expected: ExpectedVersion): number | 'any' | 'stream_exists' {
  if (expected === 'no_stream') return 0;
  if (expected === 'any' || expected === 'stream_exists') return expected;
  if (!Number.isInteger(expected) || expected < 0)
    throw new InvalidAppendError(`expected version must be a whole number >= 0, got ${expected}`);
  return expected;
}

export function checkAppendInput(streamId: string, events: NewEvent[], context: AppendContext): void {
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new InvalidAppendError('stream id must be a non-empty string');
  if (!Array.isArray(events) || events.length === 0)
    throw new InvalidAppendError(`append to ${streamId} needs at least one event`);
  for (const e of events) {
    if (typeof e.type !== 'string' || e.type.length === 0)
      throw new InvalidAppendError(`event type must be a non-empty string (stream ${streamId})`);
    if (e.schemaVersion !== undefined && (!Number.isInteger(e.schemaVersion) || e.schemaVersion < 1)) {
      throw new InvalidAppendError(`schemaVersion of ${e.type} must be a whole number >= 1`);
    }
  }
  if (context.commandId != null && !UUID.test(context.commandId)) {
    throw new InvalidAppendError(`commandId must be a UUID, got "${context.commandId}"`);
  }
  if (!context.actor || !context.actor.userId || !context.actor.role || !context.actor.unit) {
    throw new InvalidAppendError('actor needs userId, role and unit');
  }
  if (!context.correlationId) throw new InvalidAppendError('correlationId is required');
  if (context.requestHash !== undefined && (typeof context.requestHash !== 'string' || context.requestHash === '')) {
    throw new InvalidAppendError('requestHash, when given, must be a non-empty string');
  }
}

/** ISO-8601 UTC with milliseconds, from the context or the store's clock. */
export function recordedAtOf(context: AppendContext): string {
  if (context.recordedAt === undefined) return new Date().toISOString();
  const ms = Date.parse(context.recordedAt);
  if (Number.isNaN(ms)) throw new InvalidAppendError(`recordedAt is not an instant: "${context.recordedAt}"`);
  return new Date(ms).toISOString();
}

/** The command id every event of an append carries. UUIDs compare lower-case, as PostgreSQL prints them. */
export function commandIdOf(context: AppendContext): string | null {
  return context.commandId?.toLowerCase() ?? null;
}

/** `first`: the command's first event in the stream, the one that carries its requestHash. */
export function buildMetadata(
  context: AppendContext,
  schemaVersion: number,
  recordedAt: string,
  first = true,
): EventMetadata {
  return {
    eventId: randomUUID(),
    commandId: commandIdOf(context),
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    actor: { userId: context.actor.userId, role: context.actor.role, unit: context.actor.unit },
    recordedAt,
    schemaVersion,
    policyVersion: context.policyVersion ?? null,
    // Left out when absent, so events without it hash as they always did.
    ...(first && context.requestHash !== undefined ? { requestHash: context.requestHash } : {}),
  };
}

/** An event ready to store: everything but its version, which the store assigns. */
export interface PreparedEvent {
  type: string;
  schemaVersion: number;
  /** A JSON copy of the caller's data, so later changes by the caller cannot reach the store. */
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** See contentHashPrefix in integrity/canonical.ts. */
  hashPrefix: string;
  /** The signer's signature (integrity/event-signing.ts), null without a signer. */
  signature: EventSignature | null;
}

export interface PrepareOptions {
  /**
   * 'store': metadata.recordedAt is RECORDED_AT_BY_STORE, which the store's append function
   * replaces with its own clock (PostgreSQL); 'context' (default): the context's or this clock.
   */
  recordedAt?: 'store' | 'context';
  signer?: EventSigner | undefined;
}

export function prepareEvents(
  streamId: string,
  events: NewEvent[],
  context: AppendContext,
  options: PrepareOptions = {},
): PreparedEvent[] {
  checkAppendInput(streamId, events, context);
  const recordedAt = options.recordedAt === 'store' ? RECORDED_AT_BY_STORE : recordedAtOf(context);
  return events.map((e, i) => {
    const schemaVersion = e.schemaVersion ?? 1;
    const data = JSON.parse(JSON.stringify(e.data ?? {})) as Record<string, unknown>;
    const metadata = buildMetadata(context, schemaVersion, recordedAt, i === 0);
    const content = { streamId, type: e.type, schemaVersion, data, metadata };
    const hashPrefix = contentHashPrefix(content);
    const signature = options.signer ? signPrefix(options.signer, signedPrefixOf(content)) : null;
    return { type: e.type, schemaVersion, data, metadata, hashPrefix, signature };
  });
}

/** A write checked and prepared for appendMany: every stream's events, its expected version normalised. */
export interface PreparedWrite {
  streamId: string;
  expectedVersion: ExpectedVersion;
  expected: number | 'any' | 'stream_exists';
  prepared: PreparedEvent[];
}

/** At least one write, each stream once (two writes to one stream would race with themselves). */
export function prepareWrites(
  writes: readonly StreamWrite[],
  context: AppendContext,
  options: PrepareOptions = {},
): PreparedWrite[] {
  // Checked at run time for callers outside TypeScript; on a copy, as Array.isArray would make `writes` any[].
  const input: unknown = writes;
  if (!Array.isArray(input) || writes.length === 0) throw new InvalidAppendError('appendMany needs at least one write');
  const seen = new Set<string>();
  return writes.map((w) => {
    if (seen.has(w.streamId)) throw new InvalidAppendError(`appendMany names stream ${w.streamId} twice`);
    seen.add(w.streamId);
    return {
      streamId: w.streamId,
      expectedVersion: w.expectedVersion,
      expected: normaliseExpected(w.expectedVersion),
      prepared: prepareEvents(w.streamId, w.events, context, options),
    };
  });
}
