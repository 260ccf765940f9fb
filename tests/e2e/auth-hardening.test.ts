import { Logger } from '@nestjs/common';
import request from 'supertest';
import { DEMO_PASSWORD, demoAccount } from '@casework/identity';
import { startTestApp, type TestApp } from '../support/app';

const WINDOW_SECONDS = 15 * 60;
const SOME_CASE = '/api/cases/7d0f8e3c-2b6e-4d1f-9a57-1c1b8f3c2a10';

describe('sign-in hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('authhard');
  });
  afterAll(async () => {
    await t?.close();
  });
  // Every test starts with the failures of the previous ones out of the window (all come from 127.0.0.1).
  beforeEach(() => t.clock.advanceSeconds(WINDOW_SECONDS + 1));

  const logIn = (username: string, password: string) =>
    request(t.server).post('/api/auth/login').send({ username, password });

  async function failTimes(username: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) expect((await logIn(username, `wrong-${i}`)).status).toBe(401);
  }

  it('after 5 failures for a username, any case, refuses even the right password with 429 until the window passes', async () => {
    await failTimes('CaseWorker', 3);
    await failTimes('caseworker', 2);
    const warned: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'warn').mockImplementation((m: unknown) => void warned.push(String(m)));
    let refused: request.Response;
    try {
      refused = await logIn('CASEWORKER', DEMO_PASSWORD);
    } finally {
      spy.mockRestore();
    }
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe(String(WINDOW_SECONDS));
    expect(refused.body).toMatchObject({
      status: 429,
      code: 'TOO_MANY_LOGIN_ATTEMPTS',
      retryAfterSeconds: WINDOW_SECONDS,
    });
    expect(refused.body.detail).toMatch(/Wait 15 minutes/);
    expect(refused.body.accessToken).toBeUndefined();
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('"CASEWORKER"');
    expect(warned[0]).not.toContain(DEMO_PASSWORD);

    // Another user from the same address is not locked out.
    expect((await logIn('caseworker2', DEMO_PASSWORD)).status).toBe(200);

    t.clock.advanceSeconds(WINDOW_SECONDS - 60);
    const later = await logIn('caseworker', DEMO_PASSWORD);
    expect(later.status).toBe(429);
    expect(later.headers['retry-after']).toBe('60');
    expect(later.body.detail).toMatch(/Wait 1 minute and/);

    t.clock.advanceSeconds(60);
    expect((await logIn('caseworker', DEMO_PASSWORD)).status).toBe(200);
  });

  it('a successful sign-in resets the count for that username', async () => {
    await failTimes('reviewer', 4);
    expect((await logIn('reviewer', DEMO_PASSWORD)).status).toBe(200);
    await failTimes('reviewer', 4);
    expect((await logIn('reviewer', DEMO_PASSWORD)).status).toBe(200);
    await failTimes('REVIEWER', 5);
    expect((await logIn('reviewer', DEMO_PASSWORD)).status).toBe(429);
  });

  it('counts only failures inside the sliding 15-minute window', async () => {
    await failTimes('approver', 4);
    t.clock.advanceSeconds(10 * 60);
    await failTimes('approver', 1);
    expect((await logIn('approver', DEMO_PASSWORD)).status).toBe(429);
    // The first four leave the window 15 minutes after they happened; the fifth still counts.
    t.clock.advanceSeconds(5 * 60 + 1);
    await failTimes('approver', 4);
    expect((await logIn('approver', DEMO_PASSWORD)).status).toBe(429);
  });

  it('parallel guesses cannot slip past the limit while passwords are being checked', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => logIn('finance', `guess-${i}`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('after 50 failures from one address across usernames, refuses that address until the window passes', async () => {
    for (let i = 0; i < 50; i++) expect((await logIn(`nobody-${i}`, 'wrong')).status).toBe(401);
    const refused = await logIn('street.xiyi', DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advanceSeconds(WINDOW_SECONDS);
    expect((await logIn('street.xiyi', DEMO_PASSWORD)).status).toBe(200);
  }, 60_000);

  describe('bearer tokens of users who can no longer sign in', () => {
    async function setActive(username: string, active: boolean): Promise<void> {
      await t.dataSource.query(`update "${t.db.schema}".users set active = $1 where username = $2`, [active, username]);
    }

    it('refuses a deactivated user with 401 at the very next request', async () => {
      const token = await t.login('reviewer2');
      const asReviewer = () => request(t.server).get(SOME_CASE).set('Authorization', `Bearer ${token}`);
      expect((await asReviewer()).status).toBe(404);
      await setActive('reviewer2', false);
      // No cache to wait out: the session and its user are read at every request.
      const refused = await asReviewer();
      expect(refused.status).toBe(401);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(refused.body.detail).toMatch(/no longer active/);
      expect((await logIn('reviewer2', DEMO_PASSWORD)).status).toBe(401);

      // Reactivated by SQL (not by the API, which would also end the sessions), the same token works again.
      await setActive('reviewer2', true);
      expect((await asReviewer()).status).toBe(404);
    });

    it('acts with the user record’s current role and unit, not the ones signed into the token', async () => {
      const token = await t.login('street.xiyi');
      const board = (office: string) =>
        request(t.server).get(`/api/households?streetOffice=${office}`).set('Authorization', `Bearer ${token}`);
      expect((await board('STREET_XIYI')).status).toBe(200);
      expect((await board('STREET_CHANGLEZHONG')).status).toBe(403);
      // Moved to another street office: from the next request the old token acts for the new office only.
      await t.dataSource.query(`update "${t.db.schema}".users set unit = 'STREET_CHANGLEZHONG' where id = $1`, [
        demoAccount('street.xiyi').id,
      ]);
      expect((await board('STREET_CHANGLEZHONG')).status).toBe(200);
      expect((await board('STREET_XIYI')).status).toBe(403);
      await t.dataSource.query(`update "${t.db.schema}".users set unit = 'STREET_XIYI' where id = $1`, [
        demoAccount('street.xiyi').id,
      ]);
    });

    it('refuses a token whose user no longer exists', async () => {
      const token = await t.login('street.changlezhong');
      const asStreet = () => request(t.server).get(SOME_CASE).set('Authorization', `Bearer ${token}`);
      expect((await asStreet()).status).not.toBe(401);
      await t.dataSource.query(`delete from "${t.db.schema}".users where id = $1`, [
        demoAccount('street.changlezhong').id,
      ]);
      const refused = await asStreet();
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });
});
