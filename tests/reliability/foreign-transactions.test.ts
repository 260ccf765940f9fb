import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PostgresEventStore, TransactionOrderError, type RecordedEvent } from '@casework/event-store';
import { eventsAfter } from '@casework/read-models';
import { START } from '@casework/event-store';
import { projectionsHealthCheck } from '../../apps/worker/src/start-worker';
import { adminUrl, createTestSchema, type TestSchema } from '../support/db';

// Issue 9 item 2: no foreign transaction freezes the read models. readAll used to stop at the
// snapshot's xmin, so any open transaction on the server held every projection back.
describe('read horizon: only open appenders hold readers back', () => {
  let db: TestSchema;
  let store: PostgresEventStore;
  const ctx = () => ({ correlationId: randomUUID(), actor: { userId: 'u1', role: 'caseworker', unit: 'street-1' } });

  beforeAll(async () => {
    db = await createTestSchema('horizon');
    store = new PostgresEventStore({ pool: db.appPool, schema: db.schema });
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const appendOne = (stream = `h-${randomUUID()}`) => store.append(stream, [{ type: 'A', data: {} }], 'any', ctx());
  const readsStream = async (streamId: string) =>
    (await store.readAll({ maxCount: 100_000 })).some((e: RecordedEvent) => e.streamId === streamId);

  /** A transaction with an id, left open until release() is called. */
  async function openTransaction(
    connect: () => Promise<{ query(text: string): Promise<unknown>; release(): Promise<void> }>,
    write: string,
  ) {
    const c = await connect();
    await c.query('begin');
    await c.query(write);
    return c;
  }

  it('a transaction open in another database does not hold readers back', async () => {
    const other = new URL(adminUrl());
    other.pathname = '/postgres';
    const foreign = await openTransaction(async () => {
      const client = new Client({ connectionString: other.toString(), application_name: 'foreign-db' });
      await client.connect();
      return { query: (text: string) => client.query(text), release: () => client.end() };
    }, 'select pg_current_xact_id()');
    try {
      const { streamId } = await appendOne();
      expect(await readsStream(streamId)).toBe(true);
    } finally {
      await foreign.query('rollback');
      await foreign.release();
    }
  });

  it('a transaction in this database that wrote something else and appends nothing does not hold readers back', async () => {
    await db.adminPool.query(`create table if not exists ${db.schema}.scratch (n integer)`);
    const idle = await openTransaction(async () => {
      const client = await db.adminPool.connect();
      return { query: (text: string) => client.query(text), release: async () => client.release() };
    }, `insert into ${db.schema}.scratch values (1)`);
    try {
      const { streamId } = await appendOne();
      expect(await readsStream(streamId)).toBe(true);
    } finally {
      await idle.query('rollback');
      await idle.release();
    }
  });

  it("an appender's own open transaction holds readers back, and the lag and the blocker show it", async () => {
    const before = await store.readAll({ maxCount: 100_000 });
    const checkpoint = before.length ? before[before.length - 1]!.position : START;
    const client = await db.appPool.connect();
    await client.query("set application_name = 'slow-appender'");
    await client.query('begin');
    try {
      const held = `held-${randomUUID()}`;
      await store.append(held, [{ type: 'A', data: {} }], 'no_stream', ctx(), { client });
      // Committed after the open appender got its id: readable only once the appender ends.
      const { streamId: later } = await appendOne();
      expect(await readsStream(later)).toBe(false);

      const blockers = await store.openAppenders();
      expect(blockers.map((b) => b.applicationName)).toContain('slow-appender');
      // /health names the oldest blocker and is degraded once it is older than the threshold.
      const health = await projectionsHealthCheck({ status: async () => [] }, store, 0).run();
      expect(health.status).toBe('degraded');
      expect(health.oldestBlockingTransaction).toMatchObject({ applicationName: expect.any(String) });
      // The lag counts every committed event after the checkpoint, also those readers must wait for.
      const lag = await eventsAfter(store, db.adminPool, db.schema, checkpoint);
      expect(lag.count).toBeGreaterThanOrEqual(1);

      await client.query('commit');
      expect(await readsStream(held)).toBe(true);
      expect(await readsStream(later)).toBe(true);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.query('reset application_name');
      client.release();
    }
  });

  it('refuses an append in a transaction that already wrote something else (a reader may have passed its id)', async () => {
    await db.adminPool.query(`create table if not exists ${db.schema}.scratch2 (n integer)`);
    await db.adminPool.query(`grant insert on ${db.schema}.scratch2 to casework_app`);
    const client = await db.appPool.connect();
    try {
      await client.query('begin');
      await client.query(`insert into ${db.schema}.scratch2 values (1)`);
      await expect(
        store.append(`w-${randomUUID()}`, [{ type: 'A', data: {} }], 'no_stream', ctx(), { client }),
      ).rejects.toBeInstanceOf(TransactionOrderError);
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});
