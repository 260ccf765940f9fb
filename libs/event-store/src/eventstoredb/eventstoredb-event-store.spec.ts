import { randomUUID } from 'node:crypto';
import {
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventData,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { ZERO_HASH, chainHash, contentHash, recordedEventContent } from '../integrity/canonical';
import { ConcurrencyError } from '../errors';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The adapter's own logic (revision mapping, hashes, command ids, filtering) against a small
 * stand-in for the server's append/read API, following the client's documented behaviour: an
 * append whose ids match the events already at the expected revision succeeds without writing.
 * The real server runs the shared contract in tests/contract/eventstoredb.test.ts.
 */
class FakeServer {
  private readonly streams = new Map<string, Array<Record<string, unknown>>>();
  private readonly all: Array<Record<string, unknown>> = [];
  appends = 0;

  async appendToStream(
    streamName: string,
    input: EventData | EventData[],
    options: { expectedRevision?: bigint | string } = {},
  ) {
    const events = Array.isArray(input) ? input : [input];
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const expected = options.expectedRevision ?? 'any';
    const start = expected === NO_STREAM ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : stream.length;
    const same = stream.slice(start, start + events.length).map((e) => e.id);
    if (start < stream.length && same.length === events.length && same.every((id, i) => id === events[i]?.id)) {
      return { success: true, nextExpectedRevision: BigInt(start + events.length - 1) };
    }
    if (expected !== 'any' && start !== stream.length) {
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected: expected as bigint,
        current: current < 0 ? NO_STREAM : BigInt(current),
      });
    }
    this.appends += 1;
    for (const e of events) {
      const p = BigInt((this.all.length + 1) * 100);
      const recorded = {
        streamId: streamName,
        id: e.id,
        isJson: true,
        revision: BigInt(stream.length),
        type: e.type,
        created: new Date(),
        data: structuredClone(e.data),
        metadata: structuredClone(e.metadata),
        position: { commit: p, prepare: p },
      };
      stream.push(recorded);
      this.all.push(recorded);
    }
    this.streams.set(streamName, stream);
    return { success: true, nextExpectedRevision: BigInt(stream.length - 1) };
  }

  readStream(
    streamName: string,
    options: { direction?: string; fromRevision?: bigint | string; maxCount?: number } = {},
  ) {
    const stream = this.streams.get(streamName);
    return (async function* () {
      if (!stream) throw new StreamNotFoundError(undefined, streamName);
      const backwards = options.direction === 'backwards';
      let i =
        typeof options.fromRevision === 'bigint' ? Number(options.fromRevision) : backwards ? stream.length - 1 : 0;
      for (let n = 0; n < (options.maxCount ?? Infinity) && i >= 0 && i < stream.length; n++, i += backwards ? -1 : 1) {
        yield { event: structuredClone(stream[i]) };
      }
    })();
  }

  readAll(options: { fromPosition?: { commit: bigint } | string } = {}) {
    this.readAllCalls++;
    if (this.disposed) throw new Error('the client is disposed');
    const all = this.all;
    const from = typeof options.fromPosition === 'object' ? options.fromPosition.commit : -1n;
    return (async function* () {
      yield {
        event: {
          streamId: '$stats-1',
          id: randomUUID(),
          isJson: true,
          revision: 0n,
          type: '$statsCollected',
          created: new Date(),
          data: {},
          metadata: {},
          position: { commit: 1n, prepare: 1n },
        },
      };
      for (const e of all) if ((e.position as { commit: bigint }).commit >= from) yield { event: structuredClone(e) };
    })();
  }

  readAllCalls = 0;
  disposed = false;

  async dispose() {
    this.disposed = true;
  }
}

describe('EventStoreDbEventStore (against a stand-in for the server)', () => {
  let server: FakeServer;
  let store: EventStoreDbEventStore;
  const ctx = (commandId?: string) => ({
    correlationId: randomUUID(),
    actor: { userId: 'u1', role: 'caseworker', unit: 'STREET_XIYI' },
    ...(commandId ? { commandId } : {}),
  });

  beforeEach(() => {
    server = new FakeServer();
    store = new EventStoreDbEventStore(server as unknown as EventStoreDBClient);
  });

  it('maps versions to revisions and chains the hashes across appends', async () => {
    expect(
      await store.append(
        's1',
        [
          { type: 'A', data: { n: 1 } },
          { type: 'B', data: { n: 2 } },
        ],
        'no_stream',
        ctx(),
      ),
    ).toEqual({
      streamId: 's1',
      nextExpectedVersion: 2,
      firstVersion: 1,
      lastVersion: 2,
      duplicate: false,
    });
    await store.append('s1', [{ type: 'C', data: { n: 3 } }], 2, ctx());
    const events = await store.readStream('s1', { raw: true });
    expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
    let prev = ZERO_HASH;
    for (const e of events) {
      expect(e.prevHash).toBe(prev);
      expect(e.contentHash).toBe(contentHash(recordedEventContent(e)));
      expect(e.hash).toBe(chainHash(e.prevHash, e.contentHash));
      prev = e.hash;
    }
    expect(await store.streamVersion('s1')).toBe(3);
    expect(await store.streamVersion('nothing')).toBe(0);
    expect(await store.readStream('nothing')).toEqual([]);
  });

  it('throws ConcurrencyError with stream, expected and actual version', async () => {
    await store.append('s2', [{ type: 'A', data: {} }], 'no_stream', ctx());
    await expect(store.append('s2', [{ type: 'B', data: {} }], 0, ctx())).rejects.toMatchObject({
      streamId: 's2',
      expectedVersion: 0,
      actualVersion: 1,
    });
    await expect(store.append('s2', [{ type: 'B', data: {} }], 'no_stream', ctx())).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await expect(store.append('s3', [{ type: 'B', data: {} }], 'stream_exists', ctx())).rejects.toMatchObject({
      actualVersion: 0,
    });
  });

  it('maps a lost race reported by the server to ConcurrencyError, and retries it for any', async () => {
    await store.append('s4', [{ type: 'A', data: {} }], 'no_stream', ctx());
    const append = server.appendToStream.bind(server);
    let sneak = true;
    server.appendToStream = async (name, events, options) => {
      // Another writer commits between our read of the head and our append.
      if (sneak && name === 's4') {
        sneak = false;
        await append(
          name,
          {
            id: randomUUID(),
            type: 'Other',
            data: {},
            metadata: undefined,
            contentType: 'application/json',
          },
          {},
        );
      }
      return append(name, events, options);
    };
    await expect(store.append('s4', [{ type: 'B', data: {} }], 1, ctx())).rejects.toMatchObject({
      streamId: 's4',
      expectedVersion: 1,
      actualVersion: 2,
    });
    sneak = true;
    await expect(store.append('s4', [{ type: 'C', data: {} }], 'any', ctx())).resolves.toMatchObject({
      firstVersion: 4,
      lastVersion: 4,
    });
  });

  it('applies a command once: a retry, also in upper case or on another stream, returns the first result', async () => {
    const commandId = randomUUID();
    const first = await store.append(
      's5',
      [
        { type: 'A', data: {} },
        { type: 'B', data: {} },
      ],
      'no_stream',
      ctx(commandId),
    );
    const writes = server.appends;
    expect(
      await store.append(
        's5',
        [
          { type: 'A', data: {} },
          { type: 'B', data: {} },
        ],
        'no_stream',
        ctx(commandId),
      ),
    ).toEqual({ ...first, duplicate: true });
    expect(await store.append('s5', [{ type: 'C', data: {} }], 2, ctx(commandId.toUpperCase()))).toEqual({
      ...first,
      duplicate: true,
    });
    expect(await store.append('other', [{ type: 'C', data: {} }], 'any', ctx(commandId))).toEqual({
      ...first,
      duplicate: true,
    });
    expect(server.appends).toBe(writes);
    expect((await store.readStream('s5')).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('recognises a concurrent copy of a command that the server deduplicated', async () => {
    const commandId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => store.append('s6', [{ type: 'A', data: {} }], 'no_stream', ctx(commandId))),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(results.every((r) => r.lastVersion === 1)).toBe(true);
    expect(await store.readStream('s6')).toHaveLength(1);
  });

  it('close stops its subscriptions before disposing of the client: nothing polls a closed client', async () => {
    const errors: unknown[] = [];
    store.subscribeToAll({ idleMs: 1, onBatch: async () => undefined, onError: (e) => errors.push(e) });
    await new Promise((r) => setTimeout(r, 20));
    expect(server.readAllCalls).toBeGreaterThan(0);
    await store.close();
    const calls = server.readAllCalls;
    await new Promise((r) => setTimeout(r, 30));
    expect(server.readAllCalls).toBe(calls);
    expect(errors).toEqual([]);
  });

  it('reads all after a position, exclusive, without system events or command markers', async () => {
    await store.append(
      's7',
      [
        { type: 'A', data: {} },
        { type: 'B', data: {} },
        { type: 'C', data: {} },
      ],
      'no_stream',
      ctx(randomUUID()),
    );
    const all = await store.readAll();
    expect(all.map((e) => `${e.streamId}:${e.type}`)).toEqual(['s7:A', 's7:B', 's7:C']);
    // The line above asserts three events, so all[0] exists.
    expect((await store.readAll({ after: all[0]!.position, maxCount: 1 })).map((e) => e.type)).toEqual(['B']);
  });

  it('reads up to a version and up to a time', async () => {
    for (let v = 1; v <= 4; v++) {
      await store.append('s8', [{ type: 'N', data: { v } }], v - 1, {
        ...ctx(),
        recordedAt: `2024-01-0${v}T00:00:00.000Z`,
      });
    }
    expect((await store.readStream('s8', { fromVersion: 2, toVersion: 3 })).map((e) => e.version)).toEqual([2, 3]);
    expect(
      (await store.readStream('s8', { direction: 'backwards', asOf: '2024-01-03T12:00:00.000Z', maxCount: 2 })).map(
        (e) => e.version,
      ),
    ).toEqual([3, 2]);
    expect((await store.readStream('s8', { asOf: '2024-01-02T00:00:00.000Z' })).map((e) => e.version)).toEqual([1, 2]);
  });
});
