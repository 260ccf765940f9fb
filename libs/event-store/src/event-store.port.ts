/**
 * The EventStore port. Every adapter (postgres, eventstoredb, in-memory) implements it and
 * passes the one contract suite in tests/contract (DESIGN §4).
 *
 * Versions: the first event of a stream has version 1; a stream's version is the version of its
 * last event; an empty stream has version 0. `expectedVersion` is the version the writer saw.
 */

import type { EventSignature } from './integrity/event-signing';

export interface Actor {
  userId: string;
  role: string;
  unit: string;
}

/** Metadata the caller supplies with an append; the store adds eventId, recordedAt, schemaVersion. */
export interface AppendContext {
  /** Idempotency: the same commandId twice appends nothing the second time and returns the first result. */
  commandId?: string;
  correlationId: string;
  causationId?: string | null;
  actor: Actor;
  policyVersion?: string | null;
  /**
   * Instant of the command, ISO-8601 UTC; defaults to the store's clock. The PostgreSQL store
   * ignores it: there the database's clock sets metadata.recordedAt inside the append function.
   */
  recordedAt?: string;
  /**
   * A hash of the request that carried the command (its name and canonical body), kept in the
   * metadata of the command's first event in each stream: a repeated commandId with another
   * request is then told apart from a retry (handleCommand).
   */
  requestHash?: string;
}

export interface NewEvent<T extends string = string, D extends Record<string, unknown> = Record<string, unknown>> {
  type: T;
  data: D;
  /** Shape version of `data`; defaults to 1. Old shapes are upcast on read. */
  schemaVersion?: number;
}

export interface EventMetadata {
  eventId: string;
  commandId: string | null;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  recordedAt: string;
  schemaVersion: number;
  policyVersion: string | null;
  /** On the first event a command wrote to the stream, when the command had one (AppendContext.requestHash). */
  requestHash?: string;
}

/**
 * Position in the global order. `commit` orders by commit visibility (PostgreSQL transaction id,
 * EventStoreDB commit position), `prepare` breaks ties (sequence / prepare position). Compare with
 * comparePositions; never assume "after my last position" with a single sequence (DESIGN §4.4).
 */
export interface GlobalPosition {
  commit: string;
  prepare: string;
}

export const START: GlobalPosition = { commit: '0', prepare: '0' };

export interface RecordedEvent<T extends string = string, D = Record<string, unknown>> {
  streamId: string;
  version: number;
  /** A store-wide unique, increasing number (the sequence); useful as a reference, not as a checkpoint. */
  globalSeq: string;
  position: GlobalPosition;
  type: T;
  data: D;
  metadata: EventMetadata;
  /** sha-256 hex of the canonical content (see integrity/canonical.ts). */
  contentHash: string;
  /** sha-256 hex of (prevHash || contentHash); the chain link of this event. */
  hash: string;
  /** `hash` of the predecessor in the stream, or 64 zeros for the first event. */
  prevHash: string;
  /** The API's signature (integrity/event-signing.ts); null or absent when appended without a signer. */
  signature?: EventSignature | null;
  /** Raw reads from a store that keeps facts beside the hashed content: those columns, for the verifier. */
  stored?: StoredFacts;
}

/**
 * What the PostgreSQL store keeps in columns of its own beside the hashed content. Each must agree
 * with the content (recordedAt, schemaVersion, commandId) or is sealed by rowHash (see
 * integrity/row-seal.ts), so a verifier sees a change to any column.
 */
export interface StoredFacts {
  /** The recorded_at column, ISO-8601 UTC with milliseconds. */
  recordedAt: string;
  schemaVersion: number;
  /** Set on the first event of a command only (the idempotency key). */
  commandId: string | null;
  rowHash: string | null;
}

export type ExpectedVersion = number | 'any' | 'no_stream' | 'stream_exists';

export interface AppendResult {
  streamId: string;
  /** Version of the stream after the append (the new ETag). */
  nextExpectedVersion: number;
  firstVersion: number;
  lastVersion: number;
  /** true when this commandId had been applied already and nothing was appended. */
  duplicate: boolean;
}

/** One stream's part of a multi-stream append (EventStore.appendMany). */
export interface StreamWrite {
  streamId: string;
  events: NewEvent[];
  expectedVersion: ExpectedVersion;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Forwards: start here (default 1). Backwards: start here (default: the end). */
  fromVersion?: number;
  /** Inclusive upper bound on version (forwards) / lower bound (backwards). */
  toVersion?: number;
  /** Only events recorded at or before this ISO instant. */
  asOf?: string;
  maxCount?: number;
  /** Return events exactly as stored (no upcasting): for the ledger verifier. */
  raw?: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. */
  after?: GlobalPosition;
  maxCount?: number;
  /** Return events exactly as stored (no upcasting): for the ledger verifier. */
  raw?: boolean;
}

export interface SubscribeOptions {
  after?: GlobalPosition;
  batchSize?: number;
  /** Polling interval when caught up, ms. */
  idleMs?: number;
  /** Called with each batch in global order; the next batch is read only after it resolves. */
  onBatch: (events: RecordedEvent[]) => Promise<void>;
  onError?: (err: unknown) => void;
}

export interface Subscription {
  /** Resolves when the subscription has stopped. */
  stop(): Promise<void>;
  /** Position of the last event delivered. */
  readonly position: GlobalPosition;
}

export interface EventStore {
  append(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
  ): Promise<AppendResult>;
  /**
   * Appends to several streams at once, all or nothing: when one stream's expected version is
   * wrong nothing is written and the ConcurrencyError names that stream. The context's commandId
   * stands for the whole write: a repeat appends nothing and returns the first results (in the
   * order of the first write's streams) with duplicate true. One result per write, in order.
   * Each stream's events chain to that stream's predecessor as with append.
   */
  appendMany(writes: readonly StreamWrite[], context: AppendContext): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Current version of a stream (0 when it does not exist). */
  streamVersion(streamId: string): Promise<number>;
  /** Events in global order, only those that can no longer be preceded by a later commit. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

/** Turns an event stored in an old shape into the current one, on read only. */
export interface Upcaster {
  type: string;
  fromSchemaVersion: number;
  toSchemaVersion: number;
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  const ac = BigInt(a.commit),
    bc = BigInt(b.commit);
  if (ac !== bc) return ac < bc ? -1 : 1;
  const ap = BigInt(a.prepare),
    bp = BigInt(b.prepare);
  return ap === bp ? 0 : ap < bp ? -1 : 1;
}
