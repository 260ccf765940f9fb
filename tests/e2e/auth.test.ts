import request from 'supertest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@casework/identity';
import { startTestApp, type TestApp } from '../support/app';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('auth');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in every demo account with the documented password and returns its role and unit', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const res = await request(t.server)
        .post('/api/auth/login')
        .send({ username: a.username, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: t.config.jwtTtlSeconds,
        user: { id: a.id, username: a.username, role: a.role, unit: a.unit },
      });
      expect(res.body.accessToken.split('.')).toHaveLength(3);
      expect(JSON.stringify(res.body)).not.toContain('scrypt');
    }
  });

  it('refuses a wrong password and an unknown user alike, as 401 Problem Details', async () => {
    for (const body of [
      { username: 'caseworker', password: 'wrong' },
      { username: 'nobody', password: DEMO_PASSWORD },
    ]) {
      const res = await request(t.server).post('/api/auth/login').send(body);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    }
  });

  it('rejects a malformed login body naming the field', async () => {
    const res = await request(t.server)
      .post('/api/auth/login')
      .send({ username: 'caseworker', password: 5, extra: true });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['password', 'extra']));
  });

  it('needs a bearer token everywhere except login, /health and /docs', async () => {
    const none = await request(t.server).get('/api/cases/7d0f8e3c-2b6e-4d1f-9a57-1c1b8f3c2a10');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    const bad = await request(t.server)
      .get('/api/cases/7d0f8e3c-2b6e-4d1f-9a57-1c1b8f3c2a10')
      .set('Authorization', 'Bearer a.b.c');
    expect(bad.status).toBe(401);
    const tampered = (await t.login('caseworker')).slice(0, -2) + 'xx';
    expect((await request(t.server).get('/api/cases/x').set('Authorization', `Bearer ${tampered}`)).status).toBe(401);
    expect((await request(t.server).get('/health')).status).toBe(200);
    expect((await request(t.server).get('/docs-json')).status).toBe(200);
  });

  it('accepts a valid token', async () => {
    const token = await t.login('inspector');
    const res = await request(t.server)
      .get('/api/cases/7d0f8e3c-2b6e-4d1f-9a57-1c1b8f3c2a10')
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(404);
  });

  it('seeding identity twice changes nothing', async () => {
    const { seedIdentity } = await import('@casework/identity');
    await expect(seedIdentity(t.dataSource)).resolves.toMatchObject({ usersCreated: 0 });
    const [{ count }] = await t.dataSource.query(`select count(*)::int as count from "${t.db.schema}".users`);
    expect(count).toBe(DEMO_ACCOUNTS.length);
  });
});
