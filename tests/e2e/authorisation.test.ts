import request from 'supertest';
import { DEMO_ACCOUNTS, DISTRICT_UNIT } from '@casework/identity';
import { sampleApplication } from '../../apps/cli/src/seed/sample-applications';
import { startTestApp, type TestApp } from '../support/app';
import { registrationBody } from './households-support';

/**
 * Authorisation over every route of the OpenAPI document (routes added later are covered too):
 * nothing but login answers without a token, and a discipline inspector changes nothing.
 */

interface Op {
  method: 'get' | 'post';
  path: string;
}

/**
 * A witness posts its cosignature without a session: the cosignature itself is the credential (it
 * must verify against a configured witness key, else 400), so this route is open like login.
 */
const COSIGNATURES = '/api/ledger/cosignatures';

/** POST routes that change nothing: signing in, and checking the log against a digest. */
// Sign-out and one's own password are open to every role, inspectors included (tests/e2e/users.test.ts).
// Signing a checkpoint on demand is the inspector's own duty: it adds a signature over the log, it
// changes no case, household or figure (tests/evidence/transparency-log.test.ts).
const READ_ONLY_POSTS = [
  '/api/auth/login',
  '/api/ledger/verify',
  '/api/auth/logout',
  '/api/auth/password',
  '/api/ledger/checkpoints',
  COSIGNATURES,
];

describe('authorisation on every route', () => {
  let t: TestApp;
  let ops: Op[];
  let caseId: string;
  let householdId: string;
  const eventCount = async (): Promise<number> =>
    (await t.db.adminPool.query('select count(*)::int as n from events')).rows[0].n;
  const targetCount = async (): Promise<number> =>
    (await t.db.adminPool.query('select count(*)::int as n from target_figures')).rows[0].n;
  const urlOf = (op: Op) => op.path.replace('{id}', op.path.startsWith('/api/households') ? householdId : caseId);

  beforeAll(async () => {
    t = await startTestApp('authz');
    const docs = (await request(t.server).get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    ops = Object.entries(docs.paths).flatMap(([path, byMethod]) =>
      Object.keys(byMethod)
        .filter((m): m is Op['method'] => m === 'get' || m === 'post')
        .map((method) => ({ method, path })),
    );
    const opened = await request(t.server)
      .post('/api/cases')
      .set('Authorization', `Bearer ${await t.login('caseworker')}`)
      .send(sampleApplication('STARTUP_ONE_OFF', 801));
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
    const registered = await request(t.server)
      .post('/api/households')
      .set('Authorization', `Bearer ${await t.login('street.xiyi')}`)
      .send(registrationBody('STREET_XIYI', { seq: 61 }));
    expect(registered.status).toBe(201);
    householdId = registered.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the routes in the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.filter((o) => o.method === 'post').length).toBeGreaterThan(30);
  });

  it('every route but login and a witness cosignature answers 401 without a bearer token', async () => {
    const open: string[] = [];
    for (const op of ops.filter((o) => !['/api/auth/login', '/health', COSIGNATURES].includes(o.path))) {
      let r = request(t.server)[op.method](urlOf(op));
      if (op.method === 'post') r = r.set('content-type', 'application/json').send('{}');
      const res = await r;
      if (res.status !== 401) open.push(`${op.method.toUpperCase()} ${op.path} -> ${res.status}`);
    }
    expect(open).toEqual([]);
  });

  it('an inspector gets 403 on every POST route that changes something, and nothing is written', async () => {
    expect(DEMO_ACCOUNTS.find((a) => a.username === 'inspector')?.role).toBe('inspector');
    const token = await t.login('inspector');
    const [events, targets] = [await eventCount(), await targetCount()];
    const allowed: string[] = [];
    for (const op of ops.filter((o) => o.method === 'post' && !READ_ONLY_POSTS.includes(o.path))) {
      const res = await request(t.server)
        .post(urlOf(op))
        .set('Authorization', `Bearer ${token}`)
        .set('If-Match', 'W/"1"')
        .set('content-type', 'application/json')
        .send('{}');
      if (res.status !== 403) allowed.push(`POST ${op.path} -> ${res.status} ${res.body?.code ?? ''}`);
    }
    expect(allowed).toEqual([]);
    expect(await eventCount()).toBe(events);
    expect(await targetCount()).toBe(targets);
  });

  it('an inspector seated in the district bureau still may not enter target figures', async () => {
    // The user record decides role and unit (a token only names its session): seat the inspector in the bureau.
    const inspector = DEMO_ACCOUNTS.find((a) => a.role === 'inspector')!;
    const token = await t.login(inspector.username);
    const seat = (unit: string) =>
      t.dataSource.query(`update "${t.db.schema}".users set unit = $1 where id = $2`, [unit, inspector.id]);
    await seat(DISTRICT_UNIT);
    const before = await targetCount();
    const res = await request(t.server)
      .post('/api/reports/targets')
      .set('Authorization', `Bearer ${token}`)
      .send({ indicator: 'new_urban_jobs', period: '2020-11', value: 10 });
    await seat(inspector.unit);
    expect(res.status).toBe(403);
    expect(await targetCount()).toBe(before);
  });
});
