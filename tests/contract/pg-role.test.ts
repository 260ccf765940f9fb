import { randomUUID } from 'node:crypto';
import { eventStoreMigrations, migrateEventStore, PostgresEventStore } from '@casework/event-store';
import { createTestSchema, type TestSchema } from '../support/db';

// The app role may only SELECT and INSERT events (DESIGN §4); the triggers stop even the owner.
describe('PostgreSQL event store privileges', () => {
  let db: TestSchema;
  let store: PostgresEventStore;
  const streamId = `role-${randomUUID()}`;
  const ctx = { correlationId: randomUUID(), actor: { userId: 'u1', role: 'caseworker', unit: 'street-1' } };

  beforeAll(async () => {
    db = await createTestSchema('pg_role');
    store = new PostgresEventStore({ pool: db.appPool, schema: db.schema });
    await store.append(
      streamId,
      [
        { type: 'Thing', data: { n: 1 } },
        { type: 'Thing', data: { n: 2 } },
      ],
      'no_stream',
      ctx,
    );
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('connects as the app role, not as a superuser', async () => {
    const { rows } = await db.appPool.query(
      'select current_user as who, usesuper from pg_user where usename = current_user',
    );
    expect(rows[0]).toEqual({ who: 'casework_app', usesuper: false });
  });

  it('lets the app role append and read', async () => {
    await expect(store.append(streamId, [{ type: 'Thing', data: { n: 3 } }], 2, ctx)).resolves.toMatchObject({
      lastVersion: 3,
    });
    const { rows } = await db.appPool.query('select version from events where stream_id = $1 order by version', [
      streamId,
    ]);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
  });

  it('lets the app role INSERT directly', async () => {
    await db.appPool.query(
      `insert into events (stream_id, version, type, schema_version, data, metadata, recorded_at, content_hash, prev_hash, hash)
       values ($1, 1, 'Raw', 1, '{}', '{}', now(), 'c', 'p', 'h')`,
      [`role-raw-${randomUUID()}`],
    );
  });

  it.each([
    ['UPDATE', `update events set data = '{"n": 99}' where stream_id = $1`],
    ['DELETE', 'delete from events where stream_id = $1'],
  ])('refuses %s to the app role', async (_op, sql) => {
    await expect(db.appPool.query(sql, [streamId])).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(/permission denied/),
    });
  });

  it('refuses TRUNCATE to the app role', async () => {
    await expect(db.appPool.query('truncate events')).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(/permission denied/),
    });
  });

  it.each([
    ['UPDATE', `update events set data = '{"n": 99}' where stream_id = $1`],
    ['DELETE', 'delete from events where stream_id = $1'],
  ])('refuses %s even to the owner, by trigger', async (op, sql) => {
    await expect(db.adminPool.query(sql, [streamId])).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining(`append-only: ${op}`),
    });
  });

  it('refuses TRUNCATE even to the owner, by trigger', async () => {
    await expect(db.adminPool.query('truncate events')).rejects.toMatchObject({
      message: expect.stringContaining('append-only: TRUNCATE'),
    });
  });

  it('keeps every event after the refused changes', async () => {
    const events = await store.readStream(streamId);
    expect(events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('migrates idempotently, also when two migrations race', async () => {
    const results = await Promise.all([
      migrateEventStore(db.adminPool, db.schema),
      migrateEventStore(db.adminPool, db.schema),
    ]);
    expect(results).toEqual([[], []]);
    const fresh = `${db.schema}_m`;
    try {
      const raced = await Promise.all([migrateEventStore(db.adminPool, fresh), migrateEventStore(db.adminPool, fresh)]);
      // One of the two applies every migration once; the other finds them applied.
      expect(raced.flat()).toEqual(eventStoreMigrations.map((m) => m.id));
    } finally {
      await db.adminPool.query(`drop schema if exists ${fresh} cascade`);
    }
  });
});
