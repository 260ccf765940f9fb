import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ZERO_HASH, chainHash, contentHash } from '../integrity/canonical';
import { normaliseExpected, prepareEvents, prepareWrites, type PreparedEvent } from '../append-input';
import { ConcurrencyError } from '../errors';
import {
  START,
  comparePositions,
  type AppendContext,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedVersion,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamWrite,
  type SubscribeOptions,
  type Subscription,
  type Upcaster,
} from '../event-store.port';
import { OpenSubscriptions } from '../subscription';
import { UpcasterChain } from '../upcasting';
import { commandEventId } from './command-event-id';

/**
 * What we keep in an EventStoreDB event's metadata: the port's metadata exactly as hashed, the
 * chain hashes, and the id of the append attempt (to tell our write from a concurrent retry the
 * server deduplicated). `$correlationId`/`$causationId` are EventStoreDB's own conventions.
 */
interface StoredMetadata {
  casework: EventMetadata;
  contentHash: string;
  prevHash: string;
  hash: string;
  appendId: string;
  $correlationId: string;
  $causationId?: string;
}

type EsdbRecorded = NonNullable<ResolvedEvent['event']>;

/** Streams that index applied commands (see recordCommand); not part of the log. */
export const COMMAND_STREAM_PREFIX = 'casework-command-';

export interface EventStoreDbEventStoreOptions {
  upcasters?: Upcaster[];
  /** How often an append with expected version 'any' / 'stream_exists' retries a lost race. */
  maxAppendAttempts?: number;
}

/**
 * The EventStore port on EventStoreDB / KurrentDB (DESIGN §4). Our version n is EventStoreDB
 * revision n-1. Every append is sent with the exact revision it chained its hashes to, also for
 * 'any', so two racing writers can never both link to the same predecessor.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly upcasters: UpcasterChain;
  private readonly maxAppendAttempts: number;
  private readonly subscriptions = new OpenSubscriptions((o) => this.readAll(o));

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
    this.maxAppendAttempts = options.maxAppendAttempts ?? 100;
  }

  static fromConnectionString(
    connectionString: string,
    options?: EventStoreDbEventStoreOptions,
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
  ): Promise<AppendResult> {
    const expected = normaliseExpected(expectedVersion);
    const prepared = prepareEvents(streamId, events, context);
    // Command ids are UUIDs: compared in lower case, as PostgreSQL's uuid type does.
    const commandId = context.commandId ? context.commandId.toLowerCase() : null;
    if (commandId) {
      const prior = await this.findCommand(streamId, commandId);
      if (prior) return prior;
    }
    const { result, ours } = await this.appendPrepared(streamId, prepared, expected, expectedVersion, context, 0);
    if (commandId) {
      if (!ours) {
        const prior = await this.findCommand(streamId, commandId);
        if (prior) return prior;
      }
      await this.recordCommand(commandId, [result]);
    }
    return result;
  }

  /**
   * EventStoreDB writes one stream per transaction, so this is the best it can do, not atomic:
   * every expected version is checked before the first write, so a stale one (the usual case)
   * writes nothing; but a writer that slips in between the check and a later stream's write
   * fails that stream after the earlier ones were stored, and a crash between two writes leaves
   * the earlier ones alone. The command marker is written last, so a retry of the same command
   * id after such a failure writes the missing streams (the written ones answer from their events).
   * Closing the gap (an outbox or process manager) belongs to the reliability work, issue 9.
   */
  async appendMany(writes: readonly StreamWrite[], context: AppendContext): Promise<AppendResult[]> {
    const prepared = prepareWrites(writes, context);
    const commandId = context.commandId ? context.commandId.toLowerCase() : null;
    if (commandId) {
      const marker = await this.commandMarker(commandId);
      if (marker) return marker.map((r) => ({ ...r, duplicate: true }));
    }
    const done: (AppendResult | null)[] = [];
    for (const w of prepared) {
      const prior = commandId ? await this.findCommandInStream(w.streamId, commandId) : null;
      done.push(prior);
      if (prior) continue;
      const current = (await this.lastEvent(w.streamId))?.version ?? 0;
      const e = w.expected;
      if ((e === 'stream_exists' && current === 0) || (typeof e === 'number' && e !== current)) {
        throw new ConcurrencyError(w.streamId, w.expectedVersion, current);
      }
    }
    const results: AppendResult[] = [];
    let offset = 0;
    for (const [i, w] of prepared.entries()) {
      const prior = done[i];
      results.push(
        prior ??
          (await this.appendPrepared(w.streamId, w.prepared, w.expected, w.expectedVersion, context, offset)).result,
      );
      offset += w.prepared.length;
    }
    if (commandId) await this.recordCommand(commandId, results);
    return results;
  }

  /** Writes prepared events at the stream's head; `ours` is false when the server kept an earlier copy of this write. */
  private async appendPrepared(
    streamId: string,
    prepared: PreparedEvent[],
    expected: number | 'any' | 'stream_exists',
    expectedVersion: ExpectedVersion,
    context: AppendContext,
    eventIdOffset: number,
  ): Promise<{ result: AppendResult; ours: boolean }> {
    const commandId = context.commandId ? context.commandId.toLowerCase() : null;
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5 * attempt)));
      const last = await this.lastEvent(streamId);
      const current = last?.version ?? 0;
      if ((expected === 'stream_exists' && current === 0) || (typeof expected === 'number' && expected !== current)) {
        throw new ConcurrencyError(streamId, expectedVersion, current);
      }

      const appendId = randomUUID();
      let prevHash = last?.hash ?? ZERO_HASH;
      const payload = prepared.map((event, index) => {
        const version = current + index + 1;
        const metadata: EventMetadata = {
          ...event.metadata,
          eventId: commandId ? commandEventId(commandId, eventIdOffset + index) : event.metadata.eventId,
        };
        const eventId = metadata.eventId;
        const content = contentHash({
          streamId,
          version,
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          metadata,
        });
        const hash = chainHash(prevHash, content);
        const stored: StoredMetadata = {
          casework: metadata,
          contentHash: content,
          prevHash,
          hash,
          appendId,
          $correlationId: context.correlationId,
          ...(metadata.causationId ? { $causationId: metadata.causationId } : {}),
        };
        prevHash = hash;
        return jsonEvent({
          id: eventId,
          type: event.type,
          data: event.data,
          metadata: stored as unknown as Record<string, unknown>,
        });
      });

      try {
        await this.client.appendToStream(streamId, payload, {
          expectedRevision: current === 0 ? NO_STREAM : BigInt(current - 1),
        });
      } catch (err) {
        if (!(err instanceof WrongExpectedVersionError)) throw err;
        if (commandId) {
          const prior = await this.findCommandInStream(streamId, commandId);
          if (prior) return { result: prior, ours: false };
        }
        const actual =
          typeof err.actualVersion === 'bigint'
            ? Number(err.actualVersion) + 1
            : err.actualVersion === NO_STREAM
              ? 0
              : await this.streamVersion(streamId);
        if ((expected === 'any' || expected === 'stream_exists') && attempt < this.maxAppendAttempts) continue;
        throw new ConcurrencyError(streamId, expectedVersion, actual);
      }

      const result: AppendResult = {
        streamId,
        nextExpectedVersion: current + prepared.length,
        firstVersion: current + 1,
        lastVersion: current + prepared.length,
        duplicate: false,
      };
      // The server answers a retried write (same ids, same revision) with success without
      // writing: only the append id at our first version tells whose events are stored there.
      const ours = !commandId || (await this.storedAppendId(streamId, current + 1)) === appendId;
      return { result, ours };
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const fromRevision =
      options.fromVersion !== undefined ? BigInt(Math.max(options.fromVersion - 1, 0)) : backwards ? END : ESDB_START;
    if (
      !backwards &&
      options.toVersion !== undefined &&
      options.fromVersion !== undefined &&
      options.toVersion < options.fromVersion
    )
      return [];
    const asOf = options.asOf !== undefined ? Date.parse(options.asOf) : null;
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (max <= 0) return [];
    const out: RecordedEvent[] = [];
    // The server-side count is only a bound when nothing is filtered here.
    const serverMax = asOf === null && options.toVersion === undefined ? max : undefined;
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision,
        ...(serverMax !== undefined ? { maxCount: serverMax } : {}),
      });
      for await (const resolved of read) {
        if (!resolved.event) continue;
        const event = this.toRecorded(resolved.event, options.raw === true);
        if (options.toVersion !== undefined) {
          if (!backwards && event.version > options.toVersion) break;
          if (backwards && event.version < options.toVersion) break;
        }
        if (asOf !== null && Date.parse(event.metadata.recordedAt) > asOf) {
          // Recorded times grow with the version: forwards nothing later qualifies.
          if (!backwards) break;
          continue;
        }
        out.push(event);
        if (out.length >= max) break;
      }
    } catch (err) {
      if (err instanceof StreamNotFoundError) return [];
      throw err;
    }
    return out;
  }

  async streamVersion(streamId: string): Promise<number> {
    return (await this.lastEvent(streamId))?.version ?? 0;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (max <= 0) return [];
    const out: RecordedEvent[] = [];
    // readAll has no server-side filter in this client: system events are skipped here, and the
    // start position is inclusive, so the event at `after` itself is skipped too.
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: comparePositions(after, START) === 0 ? ESDB_START : toEsdbPosition(after),
    });
    for await (const resolved of read) {
      const event = resolved.event;
      if (!event || isSystemEvent(event) || event.streamId.startsWith(COMMAND_STREAM_PREFIX)) continue;
      const recorded = this.toRecorded(event, options.raw === true);
      if (comparePositions(recorded.position, after) <= 0) continue;
      out.push(recorded);
      if (out.length >= max) break;
    }
    return out;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    // Polling readAll, like the other adapters: the same checkpoint and redelivery semantics.
    return this.subscriptions.subscribe(options);
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.client.dispose();
  }

  private async lastEvent(streamId: string): Promise<{ version: number; hash: string } | null> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1, raw: true });
    return last ? { version: last.version, hash: last.hash } : null;
  }

  private async storedAppendId(streamId: string, version: number): Promise<string | null> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: BigInt(version - 1),
        maxCount: 1,
      })) {
        const meta = resolved.event?.metadata as Partial<StoredMetadata> | undefined;
        return meta?.appendId ?? null;
      }
    } catch (err) {
      if (!(err instanceof StreamNotFoundError)) throw err;
    }
    return null;
  }

  /**
   * The first result of a command already applied: from its marker stream, or, when the process
   * stopped between the events and the marker, from the events of the target stream.
   */
  private async findCommand(streamId: string, commandId: string): Promise<AppendResult | null> {
    const marker = await this.commandMarker(commandId);
    if (marker?.[0]) return { ...marker[0], duplicate: true };
    return this.findCommandInStream(streamId, commandId);
  }

  /** The results a command's marker records (one per stream it wrote), or null. */
  private async commandMarker(commandId: string): Promise<AppendResult[] | null> {
    try {
      for await (const resolved of this.client.readStream(COMMAND_STREAM_PREFIX + commandId, { maxCount: 1 })) {
        const marker = resolved.event?.data as { result?: AppendResult; results?: AppendResult[] } | undefined;
        if (marker?.results) return marker.results;
        if (marker?.result) return [marker.result];
      }
    } catch (err) {
      if (!(err instanceof StreamNotFoundError)) throw err;
    }
    return null;
  }

  private async findCommandInStream(streamId: string, commandId: string): Promise<AppendResult | null> {
    const events = await this.readStream(streamId, { direction: 'backwards', raw: true });
    const versions = events.filter((e) => e.metadata.commandId?.toLowerCase() === commandId).map((e) => e.version);
    if (versions.length === 0) return null;
    const firstVersion = Math.min(...versions);
    const lastVersion = Math.max(...versions);
    return { streamId, nextExpectedVersion: lastVersion, firstVersion, lastVersion, duplicate: true };
  }

  /**
   * EventStoreDB has no index by command id across streams: a one-event marker stream per
   * command is that index. Written after the events; the first marker wins.
   */
  private async recordCommand(commandId: string, results: AppendResult[]): Promise<void> {
    try {
      await this.client.appendToStream(
        COMMAND_STREAM_PREFIX + commandId,
        jsonEvent({
          type: 'CommandApplied',
          data: { result: { ...results[0] }, results: results.map((r) => ({ ...r })) },
        }),
        {
          expectedRevision: NO_STREAM,
        },
      );
    } catch (err) {
      if (!(err instanceof WrongExpectedVersionError)) throw err;
    }
  }

  private toRecorded(event: EsdbRecorded, raw: boolean): RecordedEvent {
    const stored = readStoredMetadata(event.metadata);
    const position = event.position ?? { commit: 0n, prepare: 0n };
    const data = decodeData(event);
    const metadata: EventMetadata = stored?.casework ?? foreignMetadata(event);
    const recorded: RecordedEvent = {
      streamId: event.streamId,
      version: Number(event.revision) + 1,
      globalSeq: position.prepare.toString(),
      position: { commit: position.commit.toString(), prepare: position.prepare.toString() },
      type: event.type,
      data,
      metadata,
      contentHash: stored?.contentHash ?? '',
      hash: stored?.hash ?? '',
      prevHash: stored?.prevHash ?? '',
    };
    return raw ? recorded : this.upcasters.apply(recorded);
  }
}

function toEsdbPosition(position: GlobalPosition): Position {
  return { commit: BigInt(position.commit), prepare: BigInt(position.prepare) };
}

function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

function readStoredMetadata(metadata: unknown): StoredMetadata | null {
  if (!metadata || typeof metadata !== 'object' || metadata instanceof Uint8Array) return null;
  const m = metadata as Partial<StoredMetadata>;
  return m.casework && typeof m.hash === 'string' ? (m as StoredMetadata) : null;
}

function decodeData(event: EsdbRecorded): Record<string, unknown> {
  if (event.isJson) return event.data as Record<string, unknown>;
  try {
    return JSON.parse(Buffer.from(event.data).toString('utf8')) as Record<string, unknown>;
  } catch {
    return { binary: Buffer.from(event.data).toString('base64') };
  }
}

/**
 * An event someone wrote past this adapter carries none of our metadata. It is still returned,
 * with empty hashes, so that the ledger verifier reports it instead of never seeing it.
 */
function foreignMetadata(event: EsdbRecorded): EventMetadata {
  return {
    eventId: event.id,
    commandId: null,
    correlationId: '',
    causationId: null,
    actor: { userId: '', role: '', unit: '' },
    recordedAt: event.created.toISOString(),
    schemaVersion: 1,
    policyVersion: null,
  };
}
