import { chainHash, sha256Hex, ZERO_HASH } from '../integrity/canonical';
import { commandIdOf, prepareWrites, type PreparedEvent } from '../append-input';
import { ConcurrencyError } from '../errors';
import { comparePositions } from '../event-store.port';
import type {
  AppendContext,
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamWrite,
  SubscribeOptions,
  Subscription,
  Upcaster,
} from '../event-store.port';
import { OpenSubscriptions } from '../subscription';
import { UpcasterChain } from '../upcasting';
import type { EventSigner } from '../integrity/event-signing';

export interface InMemoryEventStoreOptions {
  upcasters?: Upcaster[];
  /** Signs every appended event (integrity/event-signing.ts); without it events are unsigned. */
  signer?: EventSigner;
}

/**
 * The EventStore in process memory, for unit tests. Same semantics and hashes as the PostgreSQL
 * adapter; an append is atomic because it runs without awaiting. Position: commit = prepare = seq.
 */
export class InMemoryEventStore implements EventStore {
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly commands = new Map<string, AppendResult[]>();
  private readonly upcasters: UpcasterChain;
  private readonly subscriptions = new OpenSubscriptions((o) => this.readAll(o));

  private readonly signer: EventSigner | undefined;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.upcasters = new UpcasterChain(options.upcasters);
    this.signer = options.signer;
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
  ): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, events, expectedVersion }], context);
    if (!result) throw new Error(`appendMany returned no result for stream ${streamId}`);
    return result;
  }

  /** Atomic like append: every check runs before the first event is stored, and nothing awaits in between. */
  async appendMany(writes: readonly StreamWrite[], context: AppendContext): Promise<AppendResult[]> {
    const prepared = prepareWrites(writes, context, { signer: this.signer });
    const commandId = commandIdOf(context);
    const previous = commandId ? this.commands.get(commandId) : undefined;
    if (previous) return previous.map((r) => ({ ...r, duplicate: true }));

    for (const w of prepared) {
      const current = this.streams.get(w.streamId)?.length ?? 0;
      const expected = w.expected;
      if ((expected === 'stream_exists' && current === 0) || (typeof expected === 'number' && expected !== current)) {
        throw new ConcurrencyError(w.streamId, w.expectedVersion, current);
      }
    }
    const results = prepared.map((w) => this.write(w.streamId, w.prepared));
    if (commandId) this.commands.set(commandId, results);
    return results.map((r) => ({ ...r }));
  }

  private write(streamId: string, prepared: PreparedEvent[]): AppendResult {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length;
    let prevHash = stream.at(-1)?.hash ?? ZERO_HASH;
    prepared.forEach((p, i) => {
      const version = current + i + 1;
      const seq = String(this.all.length + 1);
      const contentHash = sha256Hex(p.hashPrefix + String(version) + '}');
      const hash = chainHash(prevHash, contentHash);
      const event: RecordedEvent = {
        streamId,
        version,
        globalSeq: seq,
        position: { commit: seq, prepare: seq },
        type: p.type,
        data: p.data,
        metadata: p.metadata,
        contentHash,
        hash,
        prevHash,
        signature: p.signature,
      };
      prevHash = hash;
      stream.push(event);
      this.all.push(event);
    });
    this.streams.set(streamId, stream);
    return {
      streamId,
      nextExpectedVersion: stream.length,
      firstVersion: current + 1,
      lastVersion: stream.length,
      duplicate: false,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    const asOf = options.asOf === undefined ? undefined : Date.parse(options.asOf);
    let selected: RecordedEvent[];
    if (options.direction === 'backwards') {
      const from = options.fromVersion ?? Number.MAX_SAFE_INTEGER;
      const to = options.toVersion ?? 1;
      selected = stream.filter((e) => e.version <= from && e.version >= to).reverse();
    } else {
      const from = options.fromVersion ?? 1;
      const to = options.toVersion ?? Number.MAX_SAFE_INTEGER;
      selected = stream.filter((e) => e.version >= from && e.version <= to);
    }
    if (asOf !== undefined) selected = selected.filter((e) => Date.parse(e.metadata.recordedAt) <= asOf);
    if (options.maxCount !== undefined) selected = selected.slice(0, options.maxCount);
    return selected.map((e) => this.output(e, options.raw));
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.streams.get(streamId)?.length ?? 0;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after;
    // seq is the array index + 1, so the first event after a position is at index position.prepare.
    const start = after ? this.firstIndexAfter(after) : 0;
    const end = options.maxCount === undefined ? this.all.length : start + options.maxCount;
    return this.all.slice(start, end).map((e) => this.output(e, options.raw));
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.subscriptions.subscribe({ idleMs: 10, ...options });
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
  }

  /** Number of stored events (for tests). */
  get size(): number {
    return this.all.length;
  }

  private firstIndexAfter(after: { commit: string; prepare: string }): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      // lo <= mid < hi <= this.all.length, so this.all[mid] exists.
      if (comparePositions(this.all[mid]!.position, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private output(event: RecordedEvent, raw?: boolean): RecordedEvent {
    const copy = structuredClone(event);
    return raw ? copy : this.upcasters.apply(copy);
  }
}
