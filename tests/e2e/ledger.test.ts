import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { waitUntilInGlobalOrder } from '../support/global-order';
import { startTestApp, type TestApp } from '../support/app';

describe('ledger over HTTP: digest and verification for inspectors', () => {
  let t: TestApp;
  const actor = { userId: 'u-ledger', role: 'caseworker', unit: 'DISTRICT_HRSS' };
  const streams = [`case-${randomUUID()}`, `case-${randomUUID()}`];

  beforeAll(async () => {
    t = await startTestApp('ledger');
    for (const s of streams) {
      await t.store.append(
        s,
        [
          { type: 'Noted', data: { n: 1 } },
          { type: 'Noted', data: { n: 2 } },
        ],
        'no_stream',
        { correlationId: randomUUID(), actor },
      );
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const auth = async (user: string) => ({ Authorization: `Bearer ${await t.login(user)}` });

  async function digestOfAll() {
    await waitUntilInGlobalOrder(t.store, 4);
    return request(t.server)
      .get('/api/ledger/digest')
      .set(await auth('inspector'));
  }

  it('gives the inspector a digest of every event and a clean verification', async () => {
    const d = await digestOfAll();
    expect(d.status).toBe(200);
    expect(d.body.digest.eventCount).toBe(4);
    expect(d.body.digest.root).toMatch(/^[0-9a-f]{64}$/);
    const v = await request(t.server)
      .post('/api/ledger/verify')
      .set(await auth('inspector'))
      .send({ digest: d.body.digest });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ ok: true, checkedEvents: 4, problems: [] });
  });

  it('refuses roles that do not audit', async () => {
    const r = await request(t.server)
      .get('/api/ledger/digest')
      .set(await auth('caseworker'));
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('LEDGER_READ_FORBIDDEN');
  });

  it('names the malformed digest field', async () => {
    const r = await request(t.server)
      .post('/api/ledger/verify')
      .set(await auth('inspector'))
      .send({
        digest: { position: { commit: '1', prepare: 'x' }, eventCount: -1, root: 'zz', setRoot: 'a'.repeat(64) },
      });
    expect(r.status).toBe(400);
    const fields = r.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['digest.position.prepare', 'digest.eventCount', 'digest.root']));
  });

  it.each([
    [{ digest: [] }, 'digest'],
    [{ digest: 'abc' }, 'digest'],
    [{ digest: { position: [], eventCount: 0, root: 'a'.repeat(64), setRoot: 'a'.repeat(64) } }, 'digest.position'],
    [
      {
        digest: { position: { commit: 1, prepare: '2' }, eventCount: 0, root: 'a'.repeat(64), setRoot: 'a'.repeat(64) },
      },
      'digest.position.commit',
    ],
  ])('answers a bad body %j with 400 naming %s', async (body, field) => {
    const r = await request(t.server)
      .post('/api/ledger/verify')
      .set(await auth('inspector'))
      .send(body);
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('describes the digest shape in OpenAPI', async () => {
    const doc = await request(t.server).get('/docs-json');
    if (doc.status !== 200) throw new Error(`no OpenAPI document at /docs-json: ${doc.status}`);
    const schemas = doc.body.components.schemas;
    expect(schemas.DigestDto.required).toEqual(expect.arrayContaining(['position', 'eventCount', 'root', 'setRoot']));
    expect(
      schemas.VerifyLedgerRequest.properties.digest.$ref ??
        schemas.VerifyLedgerRequest.properties.digest.allOf?.[0]?.$ref,
    ).toContain('DigestDto');
  });

  it('reports a row changed behind the application’s back, with its stream and version', async () => {
    const before = (await digestOfAll()).body.digest;
    const c = await t.db.adminPool.connect();
    try {
      await c.query(`SET search_path = ${t.db.schema}`);
      await c.query('SET session_replication_role = replica');
      await c.query(`UPDATE events SET data = '{"n": 99}' WHERE stream_id = $1 AND version = 2`, [streams[0]]);
    } finally {
      await c.query('SET session_replication_role = origin');
      c.release();
    }
    const v = await request(t.server)
      .post('/api/ledger/verify')
      .set(await auth('inspector'))
      .send({ digest: before });
    expect(v.status).toBe(200);
    expect(v.body.ok).toBe(false);
    expect(v.body.firstProblem).toMatchObject({ kind: 'content_modified', streamId: streams[0], version: 2 });
  });
});
