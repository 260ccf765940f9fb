import request from 'supertest';
import { DEMO_PASSWORD, demoAccount, IDLE_TIMEOUT_MS, MAX_SESSION_MS } from '@casework/identity';
import { APP_ROLE } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';

const SOME_CASE = '/api/cases/7d0f8e3c-2b6e-4d1f-9a57-1c1b8f3c2a10';
const NEW_PASSWORD = 'a long enough passphrase';

interface Row {
  kind: string;
  label: string;
  username: string;
  userId: string | null;
  actorUsername: string | null;
  detail: Record<string, unknown>;
  at: string;
}

describe('users, sessions and the account record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('users');
  });
  afterAll(async () => {
    await t?.close();
  });

  const logIn = (username: string, password: string) =>
    request(t.server).post('/api/auth/login').send({ username, password });
  /** A fresh session of its own (not the helper's cached one). */
  async function session(username: string, password = DEMO_PASSWORD): Promise<string> {
    const res = await logIn(username, password);
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  }
  const bearer = (token: string) => `Bearer ${token}`;
  const asAdmin = async () => bearer(await session('admin'));
  const probe = (token: string) => request(t.server).get(SOME_CASE).set('Authorization', bearer(token));
  async function records(query = ''): Promise<Row[]> {
    const res = await request(t.server)
      .get(`/api/audit/sign-ins${query}`)
      .set('Authorization', bearer(await session('inspector')));
    expect(res.status).toBe(200);
    return res.body.items as Row[];
  }
  async function createUser(body: object): Promise<{ id: string; username: string; oneTimePassword: string }> {
    const res = await request(t.server)
      .post('/api/users')
      .set('Authorization', await asAdmin())
      .send(body);
    expect(res.status).toBe(201);
    return { id: res.body.user.id, username: res.body.user.username, oneTimePassword: res.body.oneTimePassword };
  }

  describe('administration is for administrators only', () => {
    it.each(['caseworker', 'reviewer', 'approver', 'finance', 'street.xiyi', 'inspector'])(
      '%s gets 403 on every admin route',
      async (username) => {
        const auth = bearer(await session(username));
        const id = demoAccount('caseworker2').id;
        const calls = [
          request(t.server).get('/api/users').set('Authorization', auth),
          request(t.server)
            .post('/api/users')
            .set('Authorization', auth)
            .send({ username: 'x.y.z', displayName: 'X', role: 'caseworker', unit: 'DISTRICT_HRSS' }),
          request(t.server).patch(`/api/users/${id}`).set('Authorization', auth).send({ role: 'reviewer' }),
          request(t.server).post(`/api/users/${id}/deactivate`).set('Authorization', auth),
          request(t.server).post(`/api/users/${id}/reset-password`).set('Authorization', auth),
          request(t.server).post(`/api/users/${id}/revoke-sessions`).set('Authorization', auth),
        ];
        for (const res of await Promise.all(calls)) expect(res.status).toBe(403);
        // Nothing changed.
        const still = await t.dataSource.query(`select role, active from "${t.db.schema}".users where id = $1`, [id]);
        expect(still[0]).toEqual({ role: 'caseworker', active: true });
      },
    );

    it('lists users with names, role and unit, never a hash', async () => {
      const res = await request(t.server)
        .get('/api/users')
        .set('Authorization', await asAdmin());
      expect(res.status).toBe(200);
      expect(res.body.find((u: { username: string }) => u.username === 'reviewer')).toMatchObject({
        role: 'reviewer',
        unit: 'DISTRICT_HRSS',
        active: true,
        mustChangePassword: false,
      });
      expect(JSON.stringify(res.body)).not.toContain('scrypt');
    });
  });

  it('creates a user whose one-time password must be changed before anything else', async () => {
    const created = await createUser({
      username: 'zhao.newcomer',
      displayName: '赵新',
      role: 'caseworker',
      unit: 'STREET_XIYI',
    });
    expect(created.oneTimePassword).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    const signedIn = await logIn('zhao.newcomer', created.oneTimePassword);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({
      mustChangePassword: true,
      user: { role: 'caseworker', unit: 'STREET_XIYI' },
    });
    const token = signedIn.body.accessToken as string;
    const blocked = await probe(token);
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });

    const change = (currentPassword: string, newPassword: string) =>
      request(t.server)
        .post('/api/auth/password')
        .set('Authorization', bearer(token))
        .send({ currentPassword, newPassword });
    // The policy's refusals, each a 400 naming the field.
    for (const [current, next, field, reason] of [
      [created.oneTimePassword, 'short-pass1', 'newPassword', /at least 12/],
      [created.oneTimePassword, 'ZHAO.NEWCOMER', 'newPassword', /username/],
      [created.oneTimePassword, DEMO_PASSWORD, 'newPassword', /demo password/],
      [created.oneTimePassword, created.oneTimePassword, 'newPassword', /differ/],
      ['not-the-password', NEW_PASSWORD, 'currentPassword', /current password/],
    ] as const) {
      const res = await change(current, next);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]);
    }
    expect((await change(created.oneTimePassword, NEW_PASSWORD)).status).toBe(204);
    // The same session goes on, now allowed everywhere its role allows.
    expect((await probe(token)).status).toBe(404);
    expect((await logIn('zhao.newcomer', created.oneTimePassword)).status).toBe(401);
    expect((await logIn('zhao.newcomer', NEW_PASSWORD)).body).toMatchObject({ mustChangePassword: false });
  });

  it('refuses bad input to user administration as 400 naming the field', async () => {
    const auth = await asAdmin();
    const cases: [object, string][] = [
      [{ username: 'ab', displayName: 'X', role: 'caseworker', unit: 'DISTRICT_HRSS' }, 'username'],
      [{ username: 'ok.name', displayName: 'X', role: 'chief', unit: 'DISTRICT_HRSS' }, 'role'],
      [{ username: 'ok.name', displayName: 'X', role: 'caseworker', unit: 'NOWHERE' }, 'unit'],
      [{ username: 'ok.name', displayName: 'X', role: 'inspector', unit: 'STREET_XIYI' }, 'unit'],
    ];
    for (const [body, field] of cases) {
      const res = await request(t.server).post('/api/users').set('Authorization', auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const taken = await request(t.server)
      .post('/api/users')
      .set('Authorization', auth)
      .send({ username: 'Reviewer', displayName: 'X', role: 'reviewer', unit: 'DISTRICT_HRSS' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'USERNAME_TAKEN' });
    const badId = await request(t.server).post('/api/users/not-a-uuid/deactivate').set('Authorization', auth);
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].field).toBe('id');
  });

  it('changes role and unit with effect at the next request, recorded with who did it', async () => {
    const created = await createUser({
      username: 'qian.move',
      displayName: '钱',
      role: 'caseworker',
      unit: 'DISTRICT_HRSS',
    });
    const res = await request(t.server)
      .patch(`/api/users/${created.id}`)
      .set('Authorization', await asAdmin())
      .send({ role: 'street_staff', unit: 'STREET_XIYI' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'street_staff', unit: 'STREET_XIYI' });
    const rows = await records(`?userId=${created.id}`);
    expect(rows.map((r) => r.kind)).toEqual(['unit_changed', 'role_changed', 'user_created']);
    expect(rows[1]).toMatchObject({
      label: '角色变更',
      actorUsername: 'admin',
      detail: { from: 'caseworker', to: 'street_staff' },
    });
  });

  it('signs out: the token is refused at once, other sessions go on', async () => {
    const a = await session('caseworker2');
    const b = await session('caseworker2');
    const out = await request(t.server).post('/api/auth/logout').set('Authorization', bearer(a));
    expect(out.status).toBe(204);
    const refused = await probe(a);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/signed out/);
    expect((await probe(b)).status).toBe(404);
    // Inspectors, who change nothing, may still sign out.
    const i = await session('inspector');
    expect((await request(t.server).post('/api/auth/logout').set('Authorization', bearer(i))).status).toBe(204);
    expect((await probe(i)).status).toBe(401);
  });

  it('deactivation and revocation refuse every token of the user at the next request', async () => {
    const created = await createUser({
      username: 'sun.gone',
      displayName: '孙',
      role: 'reviewer',
      unit: 'DISTRICT_HRSS',
    });
    const first = await session('sun.gone', created.oneTimePassword);
    await request(t.server)
      .post('/api/auth/password')
      .set('Authorization', bearer(first))
      .send({ currentPassword: created.oneTimePassword, newPassword: NEW_PASSWORD })
      .expect(204);
    const tokens = [first, await session('sun.gone', NEW_PASSWORD)];
    for (const token of tokens) expect((await probe(token)).status).toBe(404);
    const revoked = await request(t.server)
      .post(`/api/users/${created.id}/revoke-sessions`)
      .set('Authorization', await asAdmin());
    expect(revoked.body).toEqual({ sessionsEnded: 2 });
    for (const token of tokens) expect((await probe(token)).status).toBe(401);

    const again = await session('sun.gone', NEW_PASSWORD);
    expect((await probe(again)).status).toBe(404);
    const off = await request(t.server)
      .post(`/api/users/${created.id}/deactivate`)
      .set('Authorization', await asAdmin());
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false });
    const refused = await probe(again);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/no longer active/);
    expect((await logIn('sun.gone', NEW_PASSWORD)).status).toBe(401);
  });

  it('an administrator cannot deactivate their own account', async () => {
    const res = await request(t.server)
      .post(`/api/users/${demoAccount('admin').id}/deactivate`)
      .set('Authorization', await asAdmin());
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CANNOT_DEACTIVATE_SELF' });
  });

  it('a reset ends the sessions and issues a one-time password that must be changed', async () => {
    const created = await createUser({
      username: 'li.reset',
      displayName: '李',
      role: 'approver',
      unit: 'DISTRICT_HRSS',
    });
    const token = await session('li.reset', created.oneTimePassword);
    await request(t.server)
      .post('/api/auth/password')
      .set('Authorization', bearer(token))
      .send({ currentPassword: created.oneTimePassword, newPassword: NEW_PASSWORD })
      .expect(204);
    const reset = await request(t.server)
      .post(`/api/users/${created.id}/reset-password`)
      .set('Authorization', await asAdmin());
    expect(reset.status).toBe(200);
    expect(reset.body.user).toMatchObject({ mustChangePassword: true });
    expect((await probe(token)).status).toBe(401);
    expect((await logIn('li.reset', NEW_PASSWORD)).status).toBe(401);
    const after = await logIn('li.reset', reset.body.oneTimePassword);
    expect(after.body).toMatchObject({ mustChangePassword: true });
    expect((await probe(after.body.accessToken)).body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
  });

  it('ends a session after 30 idle minutes, by the app clock', async () => {
    const token = await session('reviewer');
    // Busy: a request every 29 minutes keeps it alive well past 30 minutes.
    for (let i = 0; i < 3; i++) {
      t.clock.advanceSeconds(29 * 60);
      expect((await probe(token)).status).toBe(404);
    }
    t.clock.advanceSeconds(IDLE_TIMEOUT_MS / 1000);
    const refused = await probe(token);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/30 minutes without activity/);
    // Stays ended even if the clock is set back.
    t.clock.advanceSeconds(-IDLE_TIMEOUT_MS / 1000);
    expect((await probe(token)).status).toBe(401);
    const rows = await records(`?userId=${demoAccount('reviewer').id}&limit=5`);
    expect(rows.find((r) => r.kind === 'session_expired')).toMatchObject({
      label: '会话过期',
      detail: { reason: 'idle' },
    });
  });

  it('ends a session 8 hours after sign-in however busy', async () => {
    const token = await session('approver');
    const steps = MAX_SESSION_MS / (20 * 60_000);
    for (let i = 1; i < steps; i++) {
      t.clock.advanceSeconds(20 * 60);
      expect((await probe(token)).status).toBe(404);
    }
    t.clock.advanceSeconds(20 * 60);
    const refused = await probe(token);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/8-hour limit/);
    expect((await session('approver')).length).toBeGreaterThan(0);
  });

  it('records sign-ins, failures, lockouts, sign-outs and password changes for inspectors, filtered by user and time', async () => {
    const from = t.clock.now().toISOString();
    t.clock.advanceSeconds(1);
    const token = await session('finance');
    await request(t.server).post('/api/auth/logout').set('Authorization', bearer(token)).expect(204);
    for (let i = 0; i < 5; i++) expect((await logIn('finance', `wrong-${i}`)).status).toBe(401);
    expect((await logIn('finance', DEMO_PASSWORD)).status).toBe(429);
    expect((await logIn('no.such.user', 'whatever')).status).toBe(401);

    const mine = await records(`?userId=${demoAccount('finance').id}&from=${encodeURIComponent(from)}`);
    expect(mine.map((r) => r.kind)).toEqual([
      'sign_in_failed',
      'sign_in_failed',
      'sign_in_failed',
      'sign_in_failed',
      'sign_in_failed',
      'signed_out',
      'signed_in',
    ]);
    expect(mine.map((r) => r.label)).toContain('登录成功');
    expect(mine[0]).toMatchObject({ label: '登录失败', detail: { reason: 'wrong_password' } });
    const byName = await records(`?username=FINANCE&from=${encodeURIComponent(from)}`);
    expect(byName[0]).toMatchObject({ kind: 'locked_out', label: '登录被锁定（失败次数过多）', userId: null });
    const unknown = await records(`?username=no.such.user`);
    expect(unknown[0]).toMatchObject({ kind: 'sign_in_failed', userId: null, detail: { reason: 'unknown_user' } });
    // Nothing before `from`, nothing after `to`.
    const none = await records(`?userId=${demoAccount('finance').id}&to=${encodeURIComponent(from)}`);
    expect(none.filter((r) => r.at > from)).toEqual([]);
    const changed = await records(`?username=zhao.newcomer`);
    expect(changed.map((r) => r.kind)).toContain('password_changed');
    expect(JSON.stringify([mine, changed])).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(mine)).not.toContain('wrong-');
  });

  it('shows the record to inspectors only and refuses bad filters as 400', async () => {
    t.clock.advanceSeconds(16 * 60); // past the lockout of the previous test
    for (const username of ['admin', 'caseworker', 'reviewer', 'approver', 'finance', 'street.xiyi']) {
      const res = await request(t.server)
        .get('/api/audit/sign-ins')
        .set('Authorization', bearer(await session(username)));
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'SIGN_IN_RECORDS_FORBIDDEN' });
    }
    const inspector = bearer(await session('inspector'));
    for (const [query, field] of [
      ['userId=nope', 'userId'],
      ['from=yesterday', 'from'],
      ['limit=0', 'limit'],
      ['from=2020-11-17T00:00:00Z&to=2020-11-16T00:00:00Z', 'to'],
    ]) {
      const res = await request(t.server).get(`/api/audit/sign-ins?${query}`).set('Authorization', inspector);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('keeps the record append-only for the app role and the owner alike', async () => {
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from "${t.db.schema}".account_events`);
    expect(n).toBeGreaterThan(0);
    for (const sql of [
      `update account_events set username = 'x'`,
      `delete from account_events`,
      `truncate account_events`,
    ]) {
      await expect(t.db.appPool.query(sql)).rejects.toThrow(/append-only|permission denied/);
      await expect(t.db.adminPool.query(sql)).rejects.toThrow(/append-only/);
    }
    const { rows } = await t.db.appPool.query('select current_user as who');
    expect(rows[0].who).toBe(APP_ROLE);
    const [after] = await t.dataSource.query(`select count(*)::int as n from "${t.db.schema}".account_events`);
    expect(after.n).toBe(n);
  });
});
