import { generateKeyPairSync, randomUUID } from 'node:crypto';
import {
  PostgresEventStore,
  eventKeyring,
  eventSigner,
  type GlobalPosition,
  type RecordedEvent,
} from '@casework/event-store';
import { verifyLedger, type LedgerProblemKind } from '@casework/ledger';
import { createTestSchema, type TestSchema } from '../support/db';

/**
 * Issue 8 items 2-3: every column of an events row is covered, by the content hash, the chain, the
 * row seal or the signature. The superuser changes one column of one event (append-only triggers
 * off), and verify names the kind and the global position of the event. Also: the database, not
 * the caller, sets the time, and an event appended without the log key fails verification.
 */
describe('every column of an event row is covered', () => {
  const LOG = 'casework.test/log';
  const { privateKey } = generateKeyPairSync('ed25519');
  const signer = eventSigner(LOG, privateKey);
  const keyring = eventKeyring(LOG, [privateKey]);
  const ctx = () => ({
    correlationId: randomUUID(),
    commandId: randomUUID(),
    actor: { userId: 'caseworker-1', role: 'caseworker', unit: 'STREET_XIYI' },
  });
  const open: TestSchema[] = [];
  afterAll(async () => {
    await Promise.all(open.map((db) => db.drop()));
  });

  async function setup() {
    const db = await createTestSchema('column_tamper');
    open.push(db);
    const store = new PostgresEventStore({ pool: db.appPool, schema: db.schema, signer });
    const suffix = randomUUID().slice(0, 8);
    for (let v = 1; v <= 3; v++)
      for (const s of ['a', 'b'])
        await store.append(
          `case-${s}-${suffix}`,
          [{ type: 'PayoutRecorded', data: { amountFen: 100 * v } }],
          v - 1,
          ctx(),
        );
    const target = (await store.readStream(`case-b-${suffix}`, { raw: true }))[1]!;
    expect(await verifyLedger(store, { keyring })).toMatchObject({
      ok: true,
      checkedEvents: 6,
      signaturesChecked: true,
    });
    return { db, store, target };
  }

  async function tamper(db: TestSchema, sql: string, target: RecordedEvent): Promise<void> {
    const client = await db.adminPool.connect();
    try {
      await client.query('begin');
      await client.query('set local session_replication_role = replica');
      const r = await client.query(`update events set ${sql} where stream_id = $1 and version = $2`, [
        target.streamId,
        target.version,
      ]);
      expect(r.rowCount).toBe(1);
      await client.query('commit');
    } finally {
      client.release();
    }
  }

  // Column, the change, the kind verify reports, and where: 'target' (the changed event at its
  // original position), 'moved' (the changed event, at the position it now claims), 'next' (its
  // successor in the stream, whose predecessor it no longer is).
  const cases: [string, string, LedgerProblemKind, 'target' | 'moved' | 'next'][] = [
    ['global_seq', 'global_seq = global_seq + 1000000', 'row_modified', 'moved'],
    ['tx_id', `tx_id = (tx_id::text::bigint - 1)::text::xid8`, 'row_modified', 'moved'],
    ['stream_id', `stream_id = stream_id || '-x'`, 'version_gap', 'target'],
    ['version', 'version = 7', 'version_gap', 'next'],
    ['type', `type = 'CaseApproved'`, 'content_modified', 'target'],
    ['schema_version', 'schema_version = 2', 'column_mismatch', 'target'],
    ['data', `data = jsonb_set(data, '{amountFen}', '99999900')`, 'content_modified', 'target'],
    ['metadata', `metadata = jsonb_set(metadata, '{actor,userId}', '"approver-9"')`, 'content_modified', 'target'],
    ['command_id', 'command_id = null', 'row_modified', 'target'],
    ['recorded_at', `recorded_at = recorded_at + interval '30 days'`, 'column_mismatch', 'target'],
    ['content_hash', `content_hash = repeat('a', 64)`, 'content_modified', 'target'],
    ['prev_hash', `prev_hash = repeat('0', 64)`, 'chain_broken', 'target'],
    ['hash', `hash = repeat('b', 64)`, 'chain_broken', 'target'],
    ['key_id', `key_id = '00000000'`, 'row_modified', 'target'],
    ['signature', `signature = null`, 'row_modified', 'target'],
    ['row_hash', `row_hash = repeat('c', 64)`, 'row_modified', 'target'],
  ];

  it('covers every column of the events table', async () => {
    const { db } = await setup();
    const { rows } = await db.adminPool.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = $1 and table_name = 'events'`,
      [db.schema],
    );
    expect(rows.map((r) => r.column_name).sort()).toEqual(cases.map((c) => c[0]).sort());
  });

  it.each(cases)('a changed %s is caught', async (column, change, kind, where) => {
    const { db, store, target } = await setup();
    await tamper(db, change, target);
    const result = await verifyLedger(store, { keyring });
    expect(result.ok).toBe(false);
    let position: GlobalPosition = target.position;
    let version = target.version;
    let streamId = target.streamId;
    if (where === 'moved') {
      const now = await db.adminPool.query<{ c: string; p: string }>(
        'select tx_id::text as c, global_seq::text as p from events where stream_id = $1 and version = $2',
        [target.streamId, target.version],
      );
      position = { commit: now.rows[0]!.c, prepare: now.rows[0]!.p };
    } else if (where === 'next') {
      const next = (await store.readStream(target.streamId, { raw: true, fromVersion: 3 }))[0]!;
      position = next.position;
      version = next.version;
    }
    if (column === 'stream_id') streamId = `${target.streamId}-x`;
    expect(result.firstProblem).toMatchObject({ kind, streamId, version, position });
  });

  it('the database sets recorded_at: a caller-supplied time is ignored, column and hashed metadata agree', async () => {
    const { db, store } = await setup();
    const stream = `case-time-${randomUUID().slice(0, 8)}`;
    const before = Date.now();
    await store.append(stream, [{ type: 'CaseApproved', data: {} }], 0, {
      ...ctx(),
      recordedAt: '2020-11-24T00:00:00.000Z',
    });
    const [event] = await store.readStream(stream, { raw: true });
    expect(Date.parse(event!.metadata.recordedAt)).toBeGreaterThanOrEqual(before - 5_000);
    expect(event!.stored?.recordedAt).toBe(event!.metadata.recordedAt);
    // Straight through SQL as the app role, with a time of its own: refused.
    await expect(
      db.appPool.query(`select * from append_events($1, 0, null, $2, null)`, [
        `${stream}-sql`,
        [
          `{"data":{},"metadata":{"recordedAt":"2020-11-24T00:00:00.000Z"},"schemaVersion":1,"streamId":"${stream}-sql","type":"CaseApproved","version":`,
        ],
      ]),
    ).rejects.toMatchObject({ code: '22023' });
  });

  it('a forged approval appended through the store without the key fails verification, with its position and why', async () => {
    const { db, store } = await setup();
    const insider = new PostgresEventStore({ pool: db.appPool, schema: db.schema });
    const stream = `case-forged-${randomUUID().slice(0, 8)}`;
    await insider.append(stream, [{ type: 'CaseApproved', data: { amountFen: 99_999_900 } }], 0, {
      ...ctx(),
      actor: { userId: 'approver-1', role: 'approver', unit: 'DISTRICT_BUREAU' },
    });
    const [forged] = await store.readStream(stream, { raw: true });
    const result = await verifyLedger(store, { keyring });
    expect(result.ok).toBe(false);
    expect(result.firstProblem).toMatchObject({
      kind: 'unsigned',
      streamId: stream,
      version: 1,
      position: forged!.position,
    });
    expect(result.firstProblem?.message).toContain('carries no signature');

    // Signed with another key: unknown key id.
    const other = eventSigner(LOG, generateKeyPairSync('ed25519').privateKey);
    const thief = new PostgresEventStore({ pool: db.appPool, schema: db.schema, signer: other });
    await thief.append(stream, [{ type: 'CasePaid', data: {} }], 1, ctx());
    const again = await verifyLedger(store, { keyring, streams: [stream] });
    expect(again.problems.map((p) => p.kind)).toEqual(['unsigned']);
    const alone = await verifyLedger(store, { keyring: eventKeyring(LOG, [privateKey]) });
    expect(alone.problems.filter((p) => p.streamId === stream).map((p) => p.kind)).toEqual(['unsigned']);

    // Rotation: a keyring listing both keys accepts the second event, still not the unsigned one.
    const rotated = await verifyLedger(store, { keyring: eventKeyring(LOG, [privateKey, other.privateKey]) });
    expect(rotated.problems.map((p) => p.kind)).toEqual(['unsigned']);
  });
});
