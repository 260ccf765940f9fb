import { randomUUID } from 'node:crypto';
import {
  comparePositions,
  ConcurrencyError,
  START,
  chainHash,
  contentHash,
  recordedEventContent,
  ZERO_HASH,
} from '@casework/event-store';
import type {
  AppendContext,
  AppendResult,
  EventStore,
  ExpectedVersion,
  GlobalPosition,
  NewEvent,
  RecordedEvent,
  Upcaster,
} from '@casework/event-store';
import { nth } from '../support/defined';

/**
 * The one contract every EventStore adapter passes (DESIGN §4, properties 1-6, plus the hash
 * chain every adapter writes). Run it from a *.test.ts with a factory for the adapter.
 */

export interface ContractHarness {
  store: EventStore;
  /**
   * Appends inside a transaction that stays open `holdMs` before it commits (PostgreSQL: BEGIN,
   * append on that connection, pg_sleep, COMMIT). Used to commit out of order under load.
   * Adapters without transactions leave it out and plain appends are used.
   */
  appendInSlowTransaction?(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
    context: AppendContext,
    holdMs: number,
  ): Promise<AppendResult>;
  /** Number of stored events, counted behind the store's back. */
  rowCount?(): Promise<number>;
  /** Stops the store and frees what the factory created. */
  close(): Promise<void>;
}

export interface ContractFactoryOptions {
  /** The upcasters the store must be created with (property 6). */
  upcasters: Upcaster[];
}

/** Creates a fresh store for one run of the suite. */
export type ContractFactory = (options: ContractFactoryOptions) => Promise<ContractHarness>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const contractUpcasters: Upcaster[] = [
  // v1 {addr: string} -> v2 {address: string} -> v3 {address: {line: string}, country: string}
  {
    type: 'ContractAddressChanged',
    fromSchemaVersion: 1,
    toSchemaVersion: 2,
    upcast: ({ addr, ...rest }) => ({ ...rest, address: addr }),
  },
  {
    type: 'ContractAddressChanged',
    fromSchemaVersion: 2,
    toSchemaVersion: 3,
    upcast: ({ address, ...rest }) => ({ ...rest, address: { line: address }, country: 'CN' }),
  },
];

export function eventStoreContract(name: string, factory: ContractFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    const run = randomUUID().slice(0, 8);
    const stream = (label: string) => `contract-${run}-${label}-${randomUUID().replace(/-/g, '')}`;
    const actor = { userId: 'user-1', role: 'caseworker', unit: 'street-1' };
    const ctx = (over: Partial<AppendContext> = {}): AppendContext => ({ correlationId: randomUUID(), actor, ...over });
    const ev = (type: string, data: Record<string, unknown> = {}, schemaVersion?: number): NewEvent =>
      schemaVersion === undefined ? { type, data } : { type, data, schemaVersion };

    beforeAll(async () => {
      harness = await factory({ upcasters: contractUpcasters });
      store = harness.store;
    });

    afterAll(async () => {
      await harness?.close();
    });

    async function readAllFrom(after: GlobalPosition = START, raw = false): Promise<RecordedEvent[]> {
      const out: RecordedEvent[] = [];
      for (let position = after; ;) {
        const batch = await store.readAll({ after: position, maxCount: 1000, raw });
        if (batch.length === 0) return out;
        out.push(...batch);
        position = nth(batch, -1).position;
      }
    }

    /**
     * The stream's events as readAll returns them, polling briefly: readAll may hold events back
     * while older transactions anywhere on the server are still open.
     */
    async function inGlobalOrder(
      streamId: string,
      count: number,
      after: GlobalPosition = START,
      raw = false,
    ): Promise<RecordedEvent[]> {
      for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 50))) {
        const found = (await readAllFrom(after, raw)).filter((e) => e.streamId === streamId);
        if (found.length >= count || Date.now() > deadline) return found;
      }
    }

    const headPosition = async () => (await readAllFrom()).at(-1)?.position ?? START;

    function expectChain(events: RecordedEvent[]): void {
      let prev = ZERO_HASH;
      events.forEach((e, i) => {
        expect(e.version).toBe(i + 1);
        expect(e.prevHash).toBe(prev);
        expect(e.contentHash).toBe(contentHash(recordedEventContent(e)));
        expect(e.hash).toBe(chainHash(e.prevHash, e.contentHash));
        prev = e.hash;
      });
    }

    describe('(1) optimistic concurrency', () => {
      it('lets exactly one of 20 appends racing at the same expected version win; the others name stream, expected and actual version', async () => {
        const s = stream('race');
        await store.append(s, [ev('ContractSeeded')], 'no_stream', ctx());
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => store.append(s, [ev('ContractRaced', { i })], 1, ctx())),
        );
        const won = results.filter((r): r is PromiseFulfilledResult<AppendResult> => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(nth(won, 0).value).toEqual({
          streamId: s,
          nextExpectedVersion: 2,
          firstVersion: 2,
          lastVersion: 2,
          duplicate: false,
        });
        expect(lost).toHaveLength(19);
        for (const r of lost) {
          expect(r.reason).toBeInstanceOf(ConcurrencyError);
          expect(r.reason).toMatchObject({
            streamId: s,
            expectedVersion: 1,
            actualVersion: 2,
            code: 'CONCURRENCY_CONFLICT',
          });
          expect(r.reason.message).toBe(`Stream ${s}: expected version 1, actual version 2`);
        }
        const events = await store.readStream(s);
        expect(events.map((e) => e.type)).toEqual(['ContractSeeded', 'ContractRaced']);
        expectChain(events);
      });

      it('lets exactly one of 20 writers create a stream with no_stream', async () => {
        const s = stream('create-race');
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            store.append(s, [ev('ContractCreated', { i }), ev('ContractFilled', { i })], 'no_stream', ctx()),
          ),
        );
        const won = results.filter((r): r is PromiseFulfilledResult<AppendResult> => r.status === 'fulfilled');
        expect(won).toHaveLength(1);
        expect(nth(won, 0).value).toMatchObject({ firstVersion: 1, lastVersion: 2, nextExpectedVersion: 2 });
        for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
          expect(r.reason).toMatchObject({ streamId: s, expectedVersion: 'no_stream', actualVersion: 2 });
        }
        const events = await store.readStream(s);
        expect(events).toHaveLength(2);
        expect(nth(events, 0).data).toEqual(nth(events, 1).data);
        expectChain(events);
      });

      it('rejects a stale expected version with the actual version', async () => {
        const s = stream('stale');
        await store.append(s, [ev('A'), ev('B')], 0, ctx());
        await expect(store.append(s, [ev('C')], 5, ctx())).rejects.toMatchObject({
          streamId: s,
          expectedVersion: 5,
          actualVersion: 2,
        });
        await expect(store.append(s, [ev('C')], 1, ctx())).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(store.append(s, [ev('C')], 'no_stream', ctx())).rejects.toMatchObject({ actualVersion: 2 });
        await expect(store.append(s, [ev('C')], 2, ctx())).resolves.toMatchObject({ firstVersion: 3, lastVersion: 3 });
        expect(await store.streamVersion(s)).toBe(3);
      });

      it("appends with 'stream_exists' only to an existing stream", async () => {
        const s = stream('exists');
        await expect(store.append(s, [ev('A')], 'stream_exists', ctx())).rejects.toMatchObject({
          streamId: s,
          expectedVersion: 'stream_exists',
          actualVersion: 0,
        });
        expect(await store.streamVersion(s)).toBe(0);
        await store.append(s, [ev('A')], 'no_stream', ctx());
        await expect(store.append(s, [ev('B')], 'stream_exists', ctx())).resolves.toMatchObject({
          firstVersion: 2,
          lastVersion: 2,
        });
      });

      it("appends every one of 12 racing 'any' writers, one after another", async () => {
        const s = stream('any');
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            store.append(s, [ev('ContractAny', { i }), ev('ContractAny2', { i })], 'any', ctx()),
          ),
        );
        expect(results.map((r) => r.firstVersion).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 12 }, (_, i) => 2 * i + 1),
        );
        const events = await store.readStream(s);
        expect(events).toHaveLength(24);
        for (let i = 0; i < 24; i += 2) expect(nth(events, i).data).toEqual(nth(events, i + 1).data);
        expectChain(events);
      });
    });

    describe('(2) idempotent commands', () => {
      async function count(): Promise<number | undefined> {
        return harness.rowCount ? harness.rowCount() : undefined;
      }

      it('returns the first result for a repeated command id and appends nothing', async () => {
        const s = stream('idem');
        const commandId = randomUUID();
        const first = await store.append(s, [ev('A'), ev('B')], 'no_stream', ctx({ commandId }));
        expect(first).toEqual({
          streamId: s,
          nextExpectedVersion: 2,
          firstVersion: 1,
          lastVersion: 2,
          duplicate: false,
        });
        const before = await count();
        const again = await store.append(s, [ev('A'), ev('B')], 'no_stream', ctx({ commandId }));
        expect(again).toEqual({ ...first, duplicate: true });
        // Even with another expected version and another stream, the command was applied already.
        expect(await store.append(s, [ev('C')], 2, ctx({ commandId: commandId.toUpperCase() }))).toEqual({
          ...first,
          duplicate: true,
        });
        expect(await store.append(stream('idem-other'), [ev('C')], 'any', ctx({ commandId }))).toEqual({
          ...first,
          duplicate: true,
        });
        expect(await count()).toBe(before);
        expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B']);
      });

      it.each<[string, ExpectedVersion]>([
        ['the same expected version', 'no_stream'],
        ["'any'", 'any'],
      ])('applies a command once when 10 copies race with %s', async (_label, expected) => {
        const s = stream('idem-race');
        const commandId = randomUUID();
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.append(s, [ev('A', { i }), ev('B', { i })], expected, ctx({ commandId })),
          ),
        );
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        for (const r of results)
          expect(r).toMatchObject({ streamId: s, firstVersion: 1, lastVersion: 2, nextExpectedVersion: 2 });
        const events = await store.readStream(s);
        expect(events).toHaveLength(2);
        expect(events.every((e) => e.metadata.commandId === commandId)).toBe(true);
      });

      it('appends normally for different command ids', async () => {
        const s = stream('idem-distinct');
        await store.append(s, [ev('A')], 'no_stream', ctx({ commandId: randomUUID() }));
        await expect(store.append(s, [ev('A')], 1, ctx({ commandId: randomUUID() }))).resolves.toMatchObject({
          duplicate: false,
          lastVersion: 2,
        });
      });
    });

    describe('(3) reading a stream', () => {
      const t0 = Date.parse('2024-03-01T08:00:00.000Z');
      const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
      let s: string;

      beforeAll(async () => {
        s = stream('read');
        for (let v = 1; v <= 10; v++)
          await store.append(s, [ev('ContractNumbered', { v })], v - 1, ctx({ recordedAt: at(v) }));
      });

      const versions = async (options?: Parameters<EventStore['readStream']>[1]) =>
        (await store.readStream(s, options)).map((e) => e.version);

      it('reads forwards and backwards', async () => {
        expect(await versions()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(await versions({ direction: 'backwards' })).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        expect((await store.readStream(s)).map((e) => e.data)).toEqual(
          Array.from({ length: 10 }, (_, i) => ({ v: i + 1 })),
        );
      });

      it('reads from a version and up to a version, both inclusive', async () => {
        expect(await versions({ fromVersion: 4 })).toEqual([4, 5, 6, 7, 8, 9, 10]);
        expect(await versions({ toVersion: 3 })).toEqual([1, 2, 3]);
        expect(await versions({ fromVersion: 3, toVersion: 6 })).toEqual([3, 4, 5, 6]);
        expect(await versions({ direction: 'backwards', fromVersion: 7 })).toEqual([7, 6, 5, 4, 3, 2, 1]);
        expect(await versions({ direction: 'backwards', fromVersion: 8, toVersion: 5 })).toEqual([8, 7, 6, 5]);
        expect(await versions({ fromVersion: 11 })).toEqual([]);
      });

      it('limits the count', async () => {
        expect(await versions({ maxCount: 3 })).toEqual([1, 2, 3]);
        expect(await versions({ direction: 'backwards', maxCount: 2 })).toEqual([10, 9]);
        expect(await versions({ fromVersion: 5, maxCount: 2 })).toEqual([5, 6]);
      });

      it('reads up to a time, inclusive', async () => {
        // A store may set the time itself (PostgreSQL's append function does): use what it recorded.
        const recorded = (await store.readStream(s)).map((e) => ({ v: e.version, t: e.metadata.recordedAt }));
        const upTo = (t: string) => recorded.filter((r) => Date.parse(r.t) <= Date.parse(t)).map((r) => r.v);
        const time = (v: number) => nth(recorded, v - 1).t;
        expect(upTo(time(4))).toEqual(expect.arrayContaining([1, 2, 3, 4]));
        expect(await versions({ asOf: time(4) })).toEqual(upTo(time(4)));
        expect(await versions({ asOf: new Date(Date.parse(time(1)) - 1).toISOString() })).toEqual([]);
        expect(await versions({ direction: 'backwards', asOf: time(6), maxCount: 2 })).toEqual(
          upTo(time(6)).reverse().slice(0, 2),
        );
        expect(await versions({ asOf: time(8), fromVersion: 7 })).toEqual(upTo(time(8)).filter((v) => v >= 7));
      });

      it('knows the stream version; an unknown stream is empty at version 0', async () => {
        expect(await store.streamVersion(s)).toBe(10);
        const unknown = stream('unknown');
        expect(await store.readStream(unknown)).toEqual([]);
        expect(await store.readStream(unknown, { direction: 'backwards' })).toEqual([]);
        expect(await store.streamVersion(unknown)).toBe(0);
      });

      it('chains every event to its predecessor', async () => {
        const events = await store.readStream(s, { raw: true });
        expectChain(events);
        expect(nth(events, 0).prevHash).toBe(ZERO_HASH);
        expect(new Set(events.map((e) => e.hash)).size).toBe(10);
      });
    });

    describe('(4) global order and subscriptions', () => {
      it('delivers every committed event exactly once, in order, to live and catching-up subscribers under 16 concurrent writers', async () => {
        const writers = 16;
        const appendsPerWriter = 250;
        const sizes = [1, 9, 3, 7, 5]; // 25 events per 5 appends: 16 x 250 appends = 20,000 events
        const prefix = stream('p4');
        const head = await headPosition();

        type Seen = { id: string; streamId: string; version: number; position: GlobalPosition };
        const live: Seen[] = [];
        const all: GlobalPosition[] = [];
        const errors: unknown[] = [];
        const record = (into: Seen[], positions?: GlobalPosition[]) => async (batch: RecordedEvent[]) => {
          for (const e of batch) {
            positions?.push(e.position);
            if (e.streamId.startsWith(prefix))
              into.push({ id: e.metadata.eventId, streamId: e.streamId, version: e.version, position: e.position });
          }
        };
        // Live from the start: it polls while the writers run. (How much it sees before they
        // finish depends on other transactions on the server, which readAll waits for.)
        const liveSub = store.subscribeToAll({
          after: head,
          batchSize: 500,
          idleMs: 5,
          onBatch: record(live, all),
          onError: (e) => errors.push(e),
        });

        const catchUp: Seen[] = [];
        let catchUpSub: ReturnType<EventStore['subscribeToAll']> | undefined;
        const shared = `${prefix}-shared`;

        const writer = async (w: number) => {
          const own = Array.from({ length: 4 }, (_, k) => `${prefix}-w${w}-s${k}`);
          const versions = own.map(() => 0);
          for (let i = 0; i < appendsPerWriter; i++) {
            const k = i % own.length;
            const events = Array.from({ length: nth(sizes, i % sizes.length) }, (_, j) =>
              ev('ContractLoad', { w, i, j }),
            );
            const slow = harness.appendInSlowTransaction && i % 25 === 7;
            const result = slow
              ? await harness.appendInSlowTransaction!(
                  nth(own, k),
                  events,
                  nth(versions, k),
                  ctx(),
                  40 + ((w * 37 + i) % 160),
                )
              : await store.append(nth(own, k), events, nth(versions, k), ctx());
            versions[k] = result.nextExpectedVersion;
            if (i % 20 === 3) await store.append(shared, [ev('ContractShared', { w, i })], 'any', ctx());
            // Let the subscribers run between appends even when an adapter never waits on I/O.
            if (i % 10 === 9) await new Promise((r) => setTimeout(r, 1));
            if (w === 0 && i === appendsPerWriter / 2) {
              catchUpSub = store.subscribeToAll({
                after: head,
                batchSize: 700,
                idleMs: 5,
                onBatch: record(catchUp),
                onError: (e) => errors.push(e),
              });
            }
          }
        };
        const started = Date.now();
        await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));

        const streams = [
          ...Array.from({ length: writers }, (_, w) =>
            Array.from({ length: 4 }, (_, k) => `${prefix}-w${w}-s${k}`),
          ).flat(),
          shared,
        ];
        const committed = (await Promise.all(streams.map((s) => store.readStream(s, { raw: true })))).flat();
        expect(committed.filter((e) => e.type === 'ContractLoad')).toHaveLength(20_000);

        const deadline = Date.now() + 30_000;
        while ((live.length < committed.length || catchUp.length < committed.length) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20));
        }
        // Anything beyond the committed events would be a repeat: give it a moment to show up.
        await new Promise((r) => setTimeout(r, 100));
        await liveSub.stop();
        await catchUpSub?.stop();
        expect(errors).toEqual([]);

        const expectedIds = new Set(committed.map((e) => e.metadata.eventId));
        for (const seen of [live, catchUp]) {
          const ids = seen.map((e) => e.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.length).toBe(expectedIds.size);
          expect(ids.filter((id) => !expectedIds.has(id))).toEqual([]);
          const lastVersion = new Map<string, number>();
          for (const e of seen) {
            expect(e.version).toBe((lastVersion.get(e.streamId) ?? 0) + 1);
            lastVersion.set(e.streamId, e.version);
          }
        }
        for (let i = 1; i < all.length; i++) {
          if (comparePositions(nth(all, i - 1), nth(all, i)) >= 0)
            throw new Error(`position ${i} does not increase: ${JSON.stringify([all[i - 1], all[i]])}`);
        }
        expect(catchUp.map((e) => e.id)).toEqual(live.map((e) => e.id));
        const reread = (await readAllFrom(head))
          .filter((e) => e.streamId.startsWith(prefix))
          .map((e) => e.metadata.eventId);
        expect(reread).toEqual(live.map((e) => e.id));
        expect(comparePositions(liveSub.position, head)).toBeGreaterThan(0);
        // Visible in the test output when the run gets slow.
        expect(Date.now() - started).toBeLessThan(90_000);
      }, 120_000);

      it('reads all after a position, exclusive, and limits the count', async () => {
        const s = stream('all');
        const head = await headPosition();
        await store.append(s, [ev('A'), ev('B'), ev('C')], 'no_stream', ctx());
        const after = await inGlobalOrder(s, 3, head);
        expect(after.map((e) => e.type)).toEqual(['A', 'B', 'C']);
        const next = await store.readAll({ after: nth(after, 0).position, maxCount: 2 });
        expect(next.map((e) => e.metadata.eventId)).toEqual(after.slice(1).map((e) => e.metadata.eventId));
        expect(await store.readAll({ after: nth(after, 2).position, maxCount: 5 })).toEqual(
          (await readAllFrom(nth(after, 2).position)).slice(0, 5),
        );
      });
    });

    describe('(5) metadata', () => {
      it('stamps every event with ids, actor, time, policy and schema version', async () => {
        const s = stream('meta');
        const full = {
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: randomUUID(),
          actor: { userId: 'reviewer-7', role: 'reviewer', unit: 'district-bureau' },
          policyVersion: 'xc-2020-v1',
          recordedAt: '2024-05-06T07:08:09.123Z',
        };
        const head = await headPosition();
        await store.append(s, [ev('A', { x: 1 }), ev('B', { y: 2 }, 2)], 'no_stream', full);
        const before = Date.now();
        await store.append(s, [ev('C')], 2, { correlationId: full.correlationId, actor: full.actor });
        const after = Date.now();

        const events = await store.readStream(s);
        // The time is the caller's or, where the store sets it (PostgreSQL), the store's; one append, one time.
        const stampedAt = nth(events, 0).metadata.recordedAt;
        expect([full.recordedAt, new Date(Date.parse(stampedAt)).toISOString()]).toContain(stampedAt);
        expect(events.map((e) => e.metadata)).toEqual([
          { ...full, eventId: expect.stringMatching(UUID), schemaVersion: 1, recordedAt: stampedAt },
          { ...full, eventId: expect.stringMatching(UUID), schemaVersion: 2, recordedAt: stampedAt },
          {
            eventId: expect.stringMatching(UUID),
            commandId: null,
            correlationId: full.correlationId,
            causationId: null,
            actor: full.actor,
            recordedAt: expect.any(String),
            schemaVersion: 1,
            policyVersion: null,
          },
        ]);
        expect(new Set(events.map((e) => e.metadata.eventId)).size).toBe(3);
        const stamped = Date.parse(nth(events, 2).metadata.recordedAt);
        expect(stamped).toBeGreaterThanOrEqual(before - 1);
        expect(stamped).toBeLessThanOrEqual(after + 1);
        expect(nth(events, 2).metadata.recordedAt).toBe(new Date(stamped).toISOString());

        const fromAll = await inGlobalOrder(s, 3, head);
        expect(fromAll.map((e) => e.metadata)).toEqual(events.map((e) => e.metadata));
        expect(fromAll.map((e) => e.hash)).toEqual(events.map((e) => e.hash));
        for (const e of fromAll) expect(e.globalSeq).toMatch(/^\d+$/);
      });

      it("keeps a command's requestHash on its first event in each stream, under the content hash", async () => {
        const [a, b] = [stream('request-a'), stream('request-b')];
        const requestHash = 'f'.repeat(64);
        await store.appendMany(
          [
            { streamId: a, events: [ev('A'), ev('B')], expectedVersion: 'no_stream' },
            { streamId: b, events: [ev('C')], expectedVersion: 'no_stream' },
          ],
          ctx({ commandId: randomUUID(), requestHash }),
        );
        await store.append(a, [ev('D')], 2, ctx({ commandId: randomUUID() }));
        const [inA, inB] = [await store.readStream(a, { raw: true }), await store.readStream(b, { raw: true })];
        expect(inA.map((e) => e.metadata.requestHash)).toEqual([requestHash, undefined, undefined]);
        expect(inB.map((e) => e.metadata.requestHash)).toEqual([requestHash]);
        // Left out, not null, when absent: events without it hash as they did before it existed.
        expect(Object.keys(nth(inA, 1).metadata)).not.toContain('requestHash');
        expectChain(inA);
        expectChain(inB);
      });
    });

    describe('(6) upcasting', () => {
      it('upcasts old shapes on read and never rewrites the stored event', async () => {
        const s = stream('upcast');
        const head = await headPosition();
        await store.append(
          s,
          [
            ev('ContractAddressChanged', { addr: 'Road 1', who: 'a' }, 1),
            ev('ContractAddressChanged', { address: 'Road 2', who: 'b' }, 2),
            ev('ContractAddressChanged', { address: { line: 'Road 3' }, country: 'CN', who: 'c' }, 3),
            ev('ContractOther', { addr: 'untouched' }, 1),
          ],
          'no_stream',
          ctx(),
        );
        const upcast = await store.readStream(s);
        expect(upcast.map((e) => [e.data, e.metadata.schemaVersion])).toEqual([
          [{ address: { line: 'Road 1' }, country: 'CN', who: 'a' }, 3],
          [{ address: { line: 'Road 2' }, country: 'CN', who: 'b' }, 3],
          [{ address: { line: 'Road 3' }, country: 'CN', who: 'c' }, 3],
          [{ addr: 'untouched' }, 1],
        ]);
        const fromAll = await inGlobalOrder(s, 4, head);
        expect(fromAll.map((e) => e.data)).toEqual(upcast.map((e) => e.data));

        const raw = await store.readStream(s, { raw: true });
        expect(raw.map((e) => [e.data, e.metadata.schemaVersion])).toEqual([
          [{ addr: 'Road 1', who: 'a' }, 1],
          [{ address: 'Road 2', who: 'b' }, 2],
          [{ address: { line: 'Road 3' }, country: 'CN', who: 'c' }, 3],
          [{ addr: 'untouched' }, 1],
        ]);
        expect((await inGlobalOrder(s, 4, head, true)).map((e) => e.data)).toEqual(raw.map((e) => e.data));
        expectChain(raw);
        // Hashes describe the stored shape, whichever shape a reader gets.
        expect(upcast.map((e) => e.hash)).toEqual(raw.map((e) => e.hash));
      });

      it('keeps the stored event intact when a reader mutates what it read', async () => {
        const s = stream('mutate');
        await store.append(s, [ev('ContractAddressChanged', { addr: 'Road 9' }, 1)], 'no_stream', ctx());
        const first = nth(await store.readStream(s), 0);
        (first.data as { address: { line: string } }).address.line = 'changed';
        const again = nth(await store.readStream(s, { raw: true }), 0);
        expect(again.data).toEqual({ addr: 'Road 9' });
      });
    });

    describe('(7) appending to several streams at once', () => {
      it('appends to every stream, each chained to its own predecessor, one result per write', async () => {
        const a = stream('many-a');
        const b = stream('many-b');
        await store.append(b, [ev('B1')], 'no_stream', ctx());
        const results = await store.appendMany(
          [
            { streamId: a, events: [ev('A1'), ev('A2')], expectedVersion: 'no_stream' },
            { streamId: b, events: [ev('B2')], expectedVersion: 1 },
          ],
          ctx(),
        );
        expect(results).toEqual([
          { streamId: a, nextExpectedVersion: 2, firstVersion: 1, lastVersion: 2, duplicate: false },
          { streamId: b, nextExpectedVersion: 2, firstVersion: 2, lastVersion: 2, duplicate: false },
        ]);
        expect((await store.readStream(a)).map((e) => e.type)).toEqual(['A1', 'A2']);
        expect((await store.readStream(b)).map((e) => e.type)).toEqual(['B1', 'B2']);
        expectChain(await store.readStream(a, { raw: true }));
        expectChain(await store.readStream(b, { raw: true }));
      });

      it('writes nothing when one stream is not at its expected version, and names that stream', async () => {
        const a = stream('many-none-a');
        const b = stream('many-none-b');
        const c = stream('many-none-c');
        await store.append(c, [ev('C1'), ev('C2')], 'no_stream', ctx());
        const before = await harness.rowCount?.();
        const error = await store
          .appendMany(
            [
              { streamId: a, events: [ev('A1')], expectedVersion: 'no_stream' },
              { streamId: b, events: [ev('B1')], expectedVersion: 'no_stream' },
              { streamId: c, events: [ev('C3')], expectedVersion: 1 },
            ],
            ctx({ commandId: randomUUID() }),
          )
          .then(
            () => null,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: c, expectedVersion: 1, actualVersion: 2 });
        expect(await store.readStream(a)).toEqual([]);
        expect(await store.readStream(b)).toEqual([]);
        expect((await store.readStream(c)).map((e) => e.type)).toEqual(['C1', 'C2']);
        expect(await harness.rowCount?.()).toBe(before);
      });

      it('applies a command id once for the whole write and answers a repeat with every first result', async () => {
        const a = stream('many-idem-a');
        const b = stream('many-idem-b');
        const commandId = randomUUID();
        const writes = [
          { streamId: a, events: [ev('A1')], expectedVersion: 'no_stream' as const },
          { streamId: b, events: [ev('B1'), ev('B2')], expectedVersion: 'no_stream' as const },
        ];
        const first = await store.appendMany(writes, ctx({ commandId }));
        const before = await harness.rowCount?.();
        const again = await store.appendMany(writes, ctx({ commandId: commandId.toUpperCase() }));
        expect(again).toEqual(first.map((r) => ({ ...r, duplicate: true })));
        // A stale expected version does not matter once the command was applied.
        const stale = await store.appendMany(
          [{ streamId: b, events: [ev('B3')], expectedVersion: 0 }],
          ctx({ commandId }),
        );
        expect(stale).toEqual(first.map((r) => ({ ...r, duplicate: true })));
        expect(await harness.rowCount?.()).toBe(before);
        expect((await store.readStream(b)).map((e) => e.type)).toEqual(['B1', 'B2']);
        expect((await store.readStream(b)).every((e) => e.metadata.commandId === commandId)).toBe(true);
      });

      it('applies a command once when 8 copies of a multi-stream write race', async () => {
        const a = stream('many-race-a');
        const b = stream('many-race-b');
        const commandId = randomUUID();
        const results = await Promise.all(
          Array.from({ length: 8 }, () =>
            store.appendMany(
              [
                { streamId: a, events: [ev('A1')], expectedVersion: 'no_stream' },
                { streamId: b, events: [ev('B1')], expectedVersion: 'no_stream' },
              ],
              ctx({ commandId }),
            ),
          ),
        );
        expect(results.filter((r) => r[0]?.duplicate === false)).toHaveLength(1);
        for (const r of results)
          expect(r.map((x) => [x.streamId, x.lastVersion])).toEqual([
            [a, 1],
            [b, 1],
          ]);
        expect(await store.readStream(a)).toHaveLength(1);
        expect(await store.readStream(b)).toHaveLength(1);
      });
    });

    describe('hash chain', () => {
      it('links each event to its predecessor across appends of several events', async () => {
        const s = stream('chain');
        await store.append(s, [ev('A', { n: 1 }), ev('B', { n: 2 })], 'no_stream', ctx());
        await store.append(s, [ev('C', { n: 3 })], 2, ctx());
        await store.append(s, [ev('D', { n: 4 }), ev('E', { n: 5 }), ev('F', { n: 6 })], 'any', ctx());
        const events = await store.readStream(s, { raw: true });
        expect(events).toHaveLength(6);
        expectChain(events);
      });
    });
  });
}
