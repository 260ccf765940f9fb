import { randomUUID } from 'node:crypto';
import { nth } from '../../../tests/support/defined';
import {
  InMemoryEventStore,
  comparePositions,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  ZERO_HASH,
  chainHash,
  contentHash,
  recordedEventContent,
} from '@casework/event-store';
import { computeDigest } from './digest';
import { verifyLedger } from './verify-ledger';

const ctx = () => ({
  correlationId: randomUUID(),
  actor: { userId: 'u1', role: 'caseworker', unit: 'STREET_XIYI' },
  recordedAt: '2020-06-01T08:00:00.000Z',
});

/** Three streams of three events, interleaved in global order: a1 b1 c1 a2 b2 c2 a3 b3 c3. */
async function writtenLog(): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  for (let v = 0; v < 3; v++) {
    for (const s of ['case-a', 'case-b', 'case-c']) {
      await store.append(
        s,
        [{ type: 'CaseNoted', data: { note: `${s} ${v + 1}`, amountFen: 100 * (v + 1) } }],
        v,
        ctx(),
      );
    }
  }
  return store.readAll({ raw: true });
}

/** An EventStore over a list of stored events that a test has tampered with, as a superuser could. */
class StoredEvents implements EventStore {
  constructor(private readonly events: RecordedEvent[]) {}
  async append(): Promise<never> {
    throw new Error('read only');
  }
  async appendMany(): Promise<never> {
    throw new Error('read only');
  }
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromVersion ?? 1;
    const selected = this.events
      .filter((e) => e.streamId === streamId && e.version >= from)
      .sort((a, b) => a.version - b.version);
    return structuredClone(selected.slice(0, options.maxCount ?? selected.length));
  }
  async streamVersion(streamId: string): Promise<number> {
    return Math.max(0, ...this.events.filter((e) => e.streamId === streamId).map((e) => e.version));
  }
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const sorted = [...this.events].sort((a, b) => comparePositions(a.position, b.position));
    const selected = options.after ? sorted.filter((e) => comparePositions(e.position, options.after!) > 0) : sorted;
    return structuredClone(selected.slice(0, options.maxCount ?? selected.length));
  }
  subscribeToAll(_options: SubscribeOptions): Subscription {
    throw new Error('not needed');
  }
  async close(): Promise<void> {}
}

const find = (log: RecordedEvent[], streamId: string, version: number) =>
  log.find((e) => e.streamId === streamId && e.version === version)!;

/** Recomputes content and chain hashes of a stream from `fromVersion`, as a forger who knows the algorithm would. */
function rehash(log: RecordedEvent[], streamId: string): void {
  let prev = ZERO_HASH;
  for (const e of log.filter((x) => x.streamId === streamId).sort((a, b) => a.version - b.version)) {
    e.prevHash = prev;
    e.contentHash = contentHash(recordedEventContent(e));
    e.hash = chainHash(prev, e.contentHash);
    prev = e.hash;
  }
}

function swapPositions(a: RecordedEvent, b: RecordedEvent): void {
  [a.position, b.position] = [b.position, a.position];
  [a.globalSeq, b.globalSeq] = [b.globalSeq, a.globalSeq];
}

describe('verifyLedger', () => {
  let log: RecordedEvent[];
  beforeEach(async () => {
    log = await writtenLog();
  });

  it('accepts an untouched log, checks every event and returns its digest', async () => {
    const store = new StoredEvents(log);
    const result = await verifyLedger(store);
    expect(result).toMatchObject({ ok: true, checkedEvents: 9, checkedStreams: 3, problems: [] });
    expect(result.firstProblem).toBeUndefined();
    expect(result.digest).toEqual(await computeDigest(store));
    await expect(verifyLedger(store, { againstDigest: result.digest })).resolves.toMatchObject({ ok: true });
  });

  it('accepts the log written by the in-memory store against a digest taken from it', async () => {
    const store = new InMemoryEventStore();
    await store.append(
      'case-x',
      [
        { type: 'A', data: { n: 1 } },
        { type: 'B', data: { n: 2 } },
      ],
      'no_stream',
      ctx(),
    );
    const digest = await computeDigest(store);
    await store.append('case-x', [{ type: 'C', data: { n: 3 } }], 2, ctx());
    await expect(verifyLedger(store, { againstDigest: digest })).resolves.toMatchObject({ ok: true, checkedEvents: 3 });
  });

  it('reports modified data as content_modified at that event', async () => {
    const target = find(log, 'case-b', 2);
    target.data = { ...target.data, amountFen: 999900 };
    const result = await verifyLedger(new StoredEvents(log));
    expect(result.ok).toBe(false);
    expect(result.firstProblem).toMatchObject({
      kind: 'content_modified',
      streamId: 'case-b',
      version: 2,
      position: target.position,
    });
  });

  it('reports modified metadata (the actor) as content_modified', async () => {
    const target = find(log, 'case-a', 1);
    target.metadata.actor.userId = 'someone-else';
    const result = await verifyLedger(new StoredEvents(log));
    expect(result.firstProblem).toMatchObject({ kind: 'content_modified', streamId: 'case-a', version: 1 });
  });

  it('reports a changed prevHash and a changed hash as chain_broken', async () => {
    find(log, 'case-c', 2).prevHash = 'f'.repeat(64);
    expect((await verifyLedger(new StoredEvents(log))).firstProblem).toMatchObject({
      kind: 'chain_broken',
      streamId: 'case-c',
      version: 2,
    });

    log = await writtenLog();
    find(log, 'case-c', 3).hash = 'e'.repeat(64);
    expect((await verifyLedger(new StoredEvents(log))).firstProblem).toMatchObject({
      kind: 'chain_broken',
      streamId: 'case-c',
      version: 3,
    });
  });

  it('reports a deleted middle event as version_gap at the next event', async () => {
    const next = find(log, 'case-a', 3);
    log = log.filter((e) => e !== find(log, 'case-a', 2));
    const result = await verifyLedger(new StoredEvents(log));
    expect(result.firstProblem).toMatchObject({
      kind: 'version_gap',
      streamId: 'case-a',
      version: 3,
      position: next.position,
    });
    expect(result.firstProblem?.message).toContain('version 2 missing');
  });

  it('reports a middle event deleted with the rest of the stream re-hashed as missing_events against the digest', async () => {
    const digest = await computeDigest(new StoredEvents(log));
    log = log.filter((e) => e !== find(log, 'case-b', 2));
    find(log, 'case-b', 3).version = 2;
    rehash(log, 'case-b');
    expect((await verifyLedger(new StoredEvents(log))).ok).toBe(true);
    const result = await verifyLedger(new StoredEvents(log), { againstDigest: digest });
    expect(result.firstProblem).toMatchObject({ kind: 'missing_events', position: digest.position });
    expect(result.firstProblem?.message).toContain('1 of 9 events');
  });

  it('needs the digest to see the last event of a stream deleted, and then reports missing_events', async () => {
    const digest = await computeDigest(new StoredEvents(log));
    log = log.filter((e) => e !== find(log, 'case-a', 3));
    expect((await verifyLedger(new StoredEvents(log))).ok).toBe(true);
    const result = await verifyLedger(new StoredEvents(log), { againstDigest: digest });
    expect(result.firstProblem).toMatchObject({ kind: 'missing_events', position: digest.position });
  });

  it('reports tail deletion: the digest position itself is gone', async () => {
    const digest = await computeDigest(new StoredEvents(log));
    const last = nth(log, -1);
    log = log.slice(0, -2);
    const result = await verifyLedger(new StoredEvents(log), { againstDigest: digest });
    expect(result.firstProblem).toMatchObject({ kind: 'missing_events', position: last.position });
    expect(result.firstProblem?.message).toMatch(
      /2 of 9 events .* the digest's last event is gone, the last one left is at/,
    );
  });

  it('reports truncation of the whole log', async () => {
    const digest = await computeDigest(new StoredEvents(log));
    const result = await verifyLedger(new StoredEvents([]), { againstDigest: digest });
    expect(result).toMatchObject({ ok: false, checkedEvents: 0 });
    expect(result.firstProblem).toMatchObject({ kind: 'missing_events', position: digest.position });
    expect(result.firstProblem?.message).toContain('the log is empty up to there');
  });

  it('reports two swapped versions as reordered at the lower version', async () => {
    const v2 = find(log, 'case-c', 2);
    const v3 = find(log, 'case-c', 3);
    // The rows keep their global positions; only the version labels move.
    [v2.version, v3.version] = [3, 2];
    [v2.position, v3.position] = [v3.position, v2.position];
    const result = await verifyLedger(new StoredEvents(log));
    expect(result.firstProblem).toMatchObject({ kind: 'reordered', streamId: 'case-c', version: 2 });
    expect(result.firstProblem?.message).toContain('was written as version 3');
  });

  it('reports two events of a stream with swapped global positions as reordered at the earlier position', async () => {
    const v1 = find(log, 'case-a', 1);
    const v2 = find(log, 'case-a', 2);
    const earlier = v1.position;
    swapPositions(v1, v2);
    const result = await verifyLedger(new StoredEvents(log));
    expect(result.firstProblem).toMatchObject({ kind: 'reordered', streamId: 'case-a', version: 2, position: earlier });
  });

  it('sees events of different streams swapped in the global order only against the digest, as reordered', async () => {
    const digest = await computeDigest(new StoredEvents(log));
    swapPositions(find(log, 'case-a', 2), find(log, 'case-b', 2));
    expect((await verifyLedger(new StoredEvents(log))).ok).toBe(true);
    const result = await verifyLedger(new StoredEvents(log), { againstDigest: digest });
    expect(result.firstProblem).toMatchObject({ kind: 'reordered', position: digest.position });
  });

  it('reports a forged event with wrong hashes at its position', async () => {
    const last = find(log, 'case-b', 3);
    const forged: RecordedEvent = {
      ...structuredClone(last),
      version: 4,
      position: { commit: '100', prepare: '100' },
      data: { note: 'forged', amountFen: 1_000_000 },
    };
    log.push(forged);
    const result = await verifyLedger(new StoredEvents(log));
    expect(result.firstProblem).toMatchObject({
      kind: 'content_modified',
      streamId: 'case-b',
      version: 4,
      position: forged.position,
    });
  });

  it('reports a well-forged event inserted before the digest position as extra_events', async () => {
    const digest = await computeDigest(new StoredEvents(log));
    // Backdated between the last two events of the global order (8/8 and 9/9), then the
    // stream relabelled and re-hashed so that it is consistent in itself.
    const forged: RecordedEvent = {
      ...structuredClone(find(log, 'case-c', 3)),
      data: { note: 'forged' },
      position: { commit: '8', prepare: '85' },
    };
    log.push(forged);
    log.sort((a, b) => comparePositions(a.position, b.position));
    log.filter((e) => e.streamId === 'case-c').forEach((e, i) => (e.version = i + 1));
    rehash(log, 'case-c');
    expect((await verifyLedger(new StoredEvents(log))).ok).toBe(true);
    const result = await verifyLedger(new StoredEvents(log), { againstDigest: digest });
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'extra_events', position: digest.position })]);
  });

  it('reports an event its stream returns but the global order does not', async () => {
    const hidden = find(log, 'case-a', 2);
    const store = new StoredEvents(log);
    const readAll = store.readAll.bind(store);
    store.readAll = async (o) => (await readAll(o)).filter((e) => !(e.streamId === 'case-a' && e.version === 2));
    const result = await verifyLedger(store);
    expect(result.firstProblem).toMatchObject({
      kind: 'not_in_global_order',
      streamId: 'case-a',
      version: 2,
      position: hidden.position,
    });
  });

  it('walks only the streams asked for, but always the whole global order', async () => {
    find(log, 'case-b', 1).data = { tampered: true };
    const onlyA = await verifyLedger(new StoredEvents(log), { streams: ['case-a'] });
    expect(onlyA).toMatchObject({ ok: true, checkedStreams: 1, checkedEvents: 9 });
  });
});

describe('computeDigest', () => {
  it('up to a position equals the digest taken when the log ended there', async () => {
    const store = new InMemoryEventStore();
    await store.append('case-d', [{ type: 'A', data: { n: 1 } }], 'no_stream', ctx());
    const early = await computeDigest(store);
    await store.append('case-d', [{ type: 'B', data: { n: 2 } }], 1, ctx());
    expect(await computeDigest(store, early.position)).toEqual(early);
    const full = await computeDigest(store);
    expect(full.eventCount).toBe(2);
    expect(full.root).not.toBe(early.root);
    expect(full.root).toMatch(/^[0-9a-f]{64}$/);
  });

  it('of an empty log is the zero root at START', async () => {
    expect(await computeDigest(new InMemoryEventStore())).toEqual({
      position: { commit: '0', prepare: '0' },
      eventCount: 0,
      root: ZERO_HASH,
      setRoot: ZERO_HASH,
    });
  });
});
