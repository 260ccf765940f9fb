import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { PostgresEventStore, TransactionOrderError } from '@casework/event-store';
import { createTestSchema, type TestSchema } from '../support/db';
import { eventStoreContract } from './event-store.contract';
import { nth } from '../support/defined';

// Runs as the app role (SELECT and INSERT only) in a schema of its own.
eventStoreContract('postgres', async ({ upcasters }) => {
  const db = await createTestSchema('contract_pg');
  const store = new PostgresEventStore({ pool: db.appPool, schema: db.schema, upcasters });
  return {
    store,
    async appendInSlowTransaction(streamId, events, expected, context, holdMs) {
      const client = await db.appPool.connect();
      try {
        await client.query('begin');
        const result = await store.append(streamId, events, expected, context, { client });
        await client.query('select pg_sleep($1)', [holdMs / 1000]);
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async rowCount() {
      const { rows } = await db.adminPool.query<{ n: number }>(
        `select count(*)::integer as n from ${db.schema}.events`,
      );
      return nth(rows, 0).n;
    },
    async close() {
      await store.close();
      await db.drop();
    },
  };
});

describe('PostgresEventStore inside a caller transaction', () => {
  let db: TestSchema;
  let store: PostgresEventStore;
  const ctx = () => ({ correlationId: randomUUID(), actor: { userId: 'u1', role: 'caseworker', unit: 'street-1' } });
  const stream = () => `tx-${randomUUID()}`;

  beforeAll(async () => {
    db = await createTestSchema('pg_tx');
    store = new PostgresEventStore({ pool: db.appPool, schema: db.schema });
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  async function inTransaction<T>(work: (client: PoolClient) => Promise<T>, commit = true): Promise<T> {
    const client = await db.appPool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query(commit ? 'commit' : 'rollback');
      return result;
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  }

  it('appends nothing when the caller rolls back', async () => {
    const s = stream();
    await inTransaction((client) => store.append(s, [{ type: 'A', data: {} }], 'no_stream', ctx(), { client }), false);
    expect(await store.streamVersion(s)).toBe(0);
  });

  it('hides the events from other readers until the caller commits', async () => {
    const s = stream();
    const client = await db.appPool.connect();
    try {
      await client.query('begin');
      await store.append(s, [{ type: 'A', data: {} }], 'no_stream', ctx(), { client });
      expect(await store.readStream(s)).toEqual([]);
      await client.query('commit');
    } finally {
      client.release();
    }
    expect(await store.readStream(s)).toHaveLength(1);
  });

  it('keeps the transaction usable after a conflict or a duplicate, so the caller decides', async () => {
    const s = stream();
    const commandId = randomUUID();
    await store.append(s, [{ type: 'A', data: {} }], 'no_stream', { ...ctx(), commandId });
    await inTransaction(async (client) => {
      await expect(store.append(s, [{ type: 'B', data: {} }], 'no_stream', ctx(), { client })).rejects.toMatchObject({
        actualVersion: 1,
      });
      await expect(
        store.append(s, [{ type: 'B', data: {} }], 1, { ...ctx(), commandId }, { client }),
      ).resolves.toMatchObject({ duplicate: true });
      await store.append(s, [{ type: 'B', data: {} }], 1, ctx(), { client });
    });
    expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('refuses an append from a transaction that began writing before the stream head was committed', async () => {
    const s = stream();
    await store.append(s, [{ type: 'A', data: {} }], 'no_stream', ctx());
    const client = await db.appPool.connect();
    try {
      await client.query('begin');
      // Gives this transaction its id now, before the next event of the stream commits.
      await client.query('select pg_current_xact_id()');
      await store.append(s, [{ type: 'B', data: {} }], 1, ctx());
      await expect(store.append(s, [{ type: 'C', data: {} }], 2, ctx(), { client })).rejects.toBeInstanceOf(
        TransactionOrderError,
      );
      await client.query('rollback');
    } finally {
      client.release();
    }
    // A new transaction has a higher id and appends.
    await expect(store.append(s, [{ type: 'C', data: {} }], 2, ctx())).resolves.toMatchObject({ lastVersion: 3 });
    // readAll waits for older open transactions anywhere on the server: poll briefly.
    let versions: number[] = [];
    for (
      const deadline = Date.now() + 20_000;
      versions.length < 3 && Date.now() < deadline;
      await new Promise((r) => setTimeout(r, 50))
    ) {
      versions = (await store.readAll()).filter((e) => e.streamId === s).map((e) => e.version);
    }
    expect(versions).toEqual([1, 2, 3]);
  });
});
