import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import {
  PostgresEventStore,
  type GlobalPosition,
  type RecordedEvent,
  ZERO_HASH,
  chainHash,
  contentHash,
} from '@casework/event-store';
import { computeDigest, verifyLedger, type Digest, type LedgerVerification } from '@casework/ledger';
import { createTestSchema, type TestSchema } from '../support/db';
import { defined } from '../support/defined';

/**
 * Someone with superuser rights (or the app role, which may INSERT) alters the events table
 * behind the store's back. Each case gets a fresh schema; the verifier must name the kind of
 * tampering and the global position of the first bad event.
 */
describe('ledger verification against tampering in PostgreSQL', () => {
  const streams = ['case-a', 'case-b', 'case-c'];
  const ctx = () => ({
    correlationId: randomUUID(),
    actor: { userId: 'caseworker-1', role: 'caseworker', unit: 'STREET_XIYI' },
  });

  interface Setup {
    db: TestSchema;
    store: PostgresEventStore;
    /** Stream id (with the run's suffix) by short name. */
    id: (name: string) => string;
    /** The event as written, by short stream name and version. */
    at: (name: string, version: number) => RecordedEvent;
    digest: Digest;
  }

  const open: TestSchema[] = [];
  afterAll(async () => {
    await Promise.all(open.map((db) => db.drop()));
  });

  /** Four rounds over three streams, one append (one transaction) each: a1 b1 c1 a2 b2 c2 ... c4. */
  async function setup(): Promise<Setup> {
    const db = await createTestSchema('ledger_tamper');
    open.push(db);
    const store = new PostgresEventStore({ pool: db.appPool, schema: db.schema });
    const suffix = randomUUID().slice(0, 8);
    const id = (name: string) => `${name}-${suffix}`;
    for (let v = 1; v <= 4; v++) {
      for (const s of streams)
        await store.append(
          id(s),
          [{ type: 'PayoutRecorded', data: { amountFen: 50_000 * v, round: v } }],
          v - 1,
          ctx(),
        );
    }
    const written = await store.readAll({ raw: true });
    const at = (name: string, version: number) =>
      written.find((e) => e.streamId === id(name) && e.version === version)!;
    const digest = await computeDigest(store);
    expect(digest.eventCount).toBe(12);
    const clean = await verifyLedger(store, { againstDigest: digest });
    expect(clean).toMatchObject({ ok: true, checkedEvents: 12, checkedStreams: 3 });
    return { db, store, id, at, digest };
  }

  /** Runs SQL as the superuser with the append-only triggers switched off for this transaction. */
  async function tamper(db: TestSchema, work: (client: PoolClient) => Promise<unknown>): Promise<void> {
    const client = await db.adminPool.connect();
    try {
      await client.query('begin');
      await client.query('set local session_replication_role = replica');
      await work(client);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async function verify(s: Setup, withDigest = true): Promise<LedgerVerification> {
    return verifyLedger(s.store, withDigest ? { againstDigest: s.digest } : {});
  }

  const pos = (e: RecordedEvent): GlobalPosition => e.position;

  it('leaves the append-only triggers in force outside the tampering transaction', async () => {
    const s = await setup();
    await expect(
      s.db.adminPool.query('delete from events where stream_id = $1', [s.id('case-a')]),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('modified data: content_modified at that event', async () => {
    const s = await setup();
    await tamper(s.db, (c) =>
      c.query(
        `update events set data = jsonb_set(data, '{amountFen}', '9999900') where stream_id = $1 and version = 2`,
        [s.id('case-b')],
      ),
    );
    const result = await verify(s);
    expect(result.ok).toBe(false);
    expect(result.firstProblem).toMatchObject({
      kind: 'content_modified',
      streamId: s.id('case-b'),
      version: 2,
      position: pos(s.at('case-b', 2)),
    });
  });

  it('modified metadata (who acted): content_modified at that event', async () => {
    const s = await setup();
    await tamper(s.db, (c) =>
      c.query(
        `update events set metadata = jsonb_set(metadata, '{actor,userId}', '"approver-9"') where stream_id = $1 and version = 3`,
        [s.id('case-c')],
      ),
    );
    expect((await verify(s, false)).firstProblem).toMatchObject({
      kind: 'content_modified',
      streamId: s.id('case-c'),
      version: 3,
      position: pos(s.at('case-c', 3)),
    });
  });

  it('a deleted middle event: version_gap at the event after it', async () => {
    const s = await setup();
    await tamper(s.db, (c) => c.query('delete from events where stream_id = $1 and version = 2', [s.id('case-a')]));
    const result = await verify(s);
    expect(result.firstProblem).toMatchObject({
      kind: 'version_gap',
      streamId: s.id('case-a'),
      version: 3,
      position: pos(s.at('case-a', 3)),
    });
    expect(result.problems.map((p) => p.kind)).toEqual(['version_gap', 'missing_events']);
  });

  it('the deleted last event of a stream: the chains still hold, the digest reports missing_events', async () => {
    const s = await setup();
    await tamper(s.db, (c) => c.query('delete from events where stream_id = $1 and version = 4', [s.id('case-a')]));
    expect((await verify(s, false)).ok).toBe(true);
    const result = await verify(s);
    expect(result.firstProblem).toMatchObject({ kind: 'missing_events', position: s.digest.position });
    expect(result.firstProblem?.message).toContain('1 of 12 events');
  });

  it('the deleted last event of the log (tail deletion): missing_events at that event', async () => {
    const s = await setup();
    const last = s.at('case-c', 4);
    expect(s.digest.position).toEqual(last.position);
    await tamper(s.db, (c) => c.query('delete from events where stream_id = $1 and version = 4', [s.id('case-c')]));
    const result = await verify(s);
    expect(result.firstProblem).toMatchObject({ kind: 'missing_events', position: pos(last) });
    expect(result.firstProblem?.message).toContain("the digest's last event is gone");
  });

  it('a forged row inserted by the app role with guessed hashes: content_modified at the forged row', async () => {
    const s = await setup();
    const last = s.at('case-b', 4);
    // The app role may INSERT (that is how it appends), so it needs no superuser to try this.
    await s.db.appPool.query(
      `insert into events (stream_id, version, type, schema_version, data, metadata, recorded_at, content_hash, prev_hash, hash)
       values ($1, 5, 'PayoutRecorded', 1, '{"amountFen": 8000000, "round": 5}', $2, now(), $3, $4, $5)`,
      [
        s.id('case-b'),
        JSON.stringify(last.metadata),
        last.contentHash,
        last.hash,
        chainHash(last.hash, last.contentHash),
      ],
    );
    const [forged] = await s.store.readStream(s.id('case-b'), { fromVersion: 5, raw: true });
    const result = await verify(s);
    expect(result.firstProblem).toMatchObject({
      kind: 'content_modified',
      streamId: s.id('case-b'),
      version: 5,
      position: defined(forged, 'the event at version 5').position,
    });
  });

  it('a well-forged row backdated into the digested range: extra_events against the digest', async () => {
    const s = await setup();
    const victim = s.at('case-a', 2);
    const forgedStream = `case-forged-${randomUUID().slice(0, 8)}`;
    const metadata = { ...victim.metadata, eventId: randomUUID() };
    const data = { amountFen: 8_000_000, round: 1 };
    const content = contentHash({
      streamId: forgedStream,
      version: 1,
      type: 'PayoutRecorded',
      schemaVersion: 1,
      data,
      metadata,
    });
    // Same transaction id as a real event and a spare sequence number: it sorts inside the log.
    await tamper(s.db, (c) =>
      c.query(
        `insert into events (global_seq, tx_id, stream_id, version, type, schema_version, data, metadata, recorded_at, content_hash, prev_hash, hash)
         values (1000000, $1::xid8, $2, 1, 'PayoutRecorded', 1, $3, $4, $5, $6, $7, $8)`,
        [
          victim.position.commit,
          forgedStream,
          JSON.stringify(data),
          JSON.stringify(metadata),
          metadata.recordedAt,
          content,
          ZERO_HASH,
          chainHash(ZERO_HASH, content),
        ],
      ),
    );
    expect((await verify(s, false)).problems.map((p) => p.kind)).toEqual(['row_modified']);
    const result = await verify(s);
    // Without the append function it has no row seal; against the digest it is extra too.
    expect(result.problems.map((p) => p.kind)).toEqual(['row_modified', 'extra_events']);
    expect(result.problems[1]).toMatchObject({ kind: 'extra_events', position: s.digest.position });
  });

  it('two versions swapped: reordered at the lower version', async () => {
    const s = await setup();
    await tamper(s.db, async (c) => {
      const b = s.id('case-b');
      await c.query('update events set version = 1000 where stream_id = $1 and version = 2', [b]);
      await c.query('update events set version = 2 where stream_id = $1 and version = 3', [b]);
      await c.query('update events set version = 3 where stream_id = $1 and version = 1000', [b]);
    });
    const result = await verify(s);
    // The row now labelled version 2 is the one written as version 3, at its position.
    expect(result.firstProblem).toMatchObject({
      kind: 'reordered',
      streamId: s.id('case-b'),
      version: 2,
      position: pos(s.at('case-b', 3)),
    });
    expect(result.firstProblem?.message).toContain('was written as version 3');
  });

  it('two global positions swapped within a stream: the row seal shows it at the moved event', async () => {
    const s = await setup();
    const [a2, a3] = [s.at('case-a', 2), s.at('case-a', 3)];
    await swapPositions(s, a2, a3);
    const result = await verify(s);
    // Version 2 now sits at version 3's position, which its seal does not cover.
    expect(result.firstProblem).toMatchObject({
      kind: 'row_modified',
      streamId: s.id('case-a'),
      version: 2,
      position: pos(a3),
    });
  });

  it('two global positions swapped across streams: the row seals show it, and the digest', async () => {
    const s = await setup();
    await swapPositions(s, s.at('case-a', 2), s.at('case-b', 2));
    expect((await verify(s, false)).problems.map((p) => p.kind)).toEqual(['row_modified', 'row_modified']);
    const result = await verify(s);
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'reordered', position: s.digest.position }));
  });

  it('a truncated table: missing_events, nothing left to check', async () => {
    const s = await setup();
    await tamper(s.db, (c) => c.query('truncate events'));
    const result = await verify(s);
    expect(result).toMatchObject({ ok: false, checkedEvents: 0 });
    expect(result.firstProblem).toMatchObject({ kind: 'missing_events', position: s.digest.position });
    expect(result.firstProblem?.message).toContain('12 of 12 events');
  });

  async function swapPositions(s: Setup, x: RecordedEvent, y: RecordedEvent): Promise<void> {
    await tamper(s.db, async (c) => {
      const move = 'update events set tx_id = $1::xid8, global_seq = $2 where stream_id = $3 and version = $4';
      // Via a spare sequence number: global_seq is unique.
      await c.query(move, [x.position.commit, -1, x.streamId, x.version]);
      await c.query(move, [x.position.commit, x.position.prepare, y.streamId, y.version]);
      await c.query(move, [y.position.commit, y.position.prepare, x.streamId, x.version]);
    });
  }
});
