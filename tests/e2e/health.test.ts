import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { startTestApp, type TestApp } from '../support/app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('health');
  });
  afterAll(async () => {
    await t?.close();
  });

  const bearer = async (user: string) => ({ Authorization: `Bearer ${await t.login(user)}` });

  it('without a token says only up, as the restricted app role', async () => {
    const res = await request(t.server).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'up' });
  });

  it('gives the details to an inspector or admin, and to nobody else', async () => {
    for (const user of ['inspector', 'admin']) {
      const res = await request(t.server)
        .get('/health')
        .set(await bearer(user));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('up');
      expect(res.body.checks.database.ok).toBe(true);
      expect(res.body.checks.migrations).toMatchObject({
        ok: true,
        eventStore: { missing: [] },
        readModels: { pending: false },
      });
    }
    for (const user of ['caseworker', 'reviewer', 'finance', 'street.xiyi']) {
      const res = await request(t.server)
        .get('/health')
        .set(await bearer(user));
      expect(res.body).toEqual({ status: 'up' });
    }
    const forged = (await t.login('inspector')).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await request(t.server).get('/health').set('Authorization', `Bearer ${forged}`)).body).toEqual({
      status: 'up',
    });
  });

  it('says down (503) when a read-model migration is missing; only the inspector learns why', async () => {
    const last = await t.dataSource.query(
      `select id, timestamp, name from ${t.db.schema}.typeorm_migrations order by id desc limit 1`,
    );
    await t.dataSource.query(`delete from ${t.db.schema}.typeorm_migrations where id = $1`, [last[0].id]);
    try {
      const anonymous = await request(t.server).get('/health');
      expect(anonymous.status).toBe(503);
      expect(anonymous.body).toEqual({ status: 'down' });
      const res = await request(t.server)
        .get('/health')
        .set(await bearer('inspector'));
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('down');
      expect(res.body.checks.migrations).toMatchObject({ ok: false, readModels: { pending: true } });
    } finally {
      await t.dataSource.query(
        `insert into ${t.db.schema}.typeorm_migrations (id, timestamp, name) values ($1, $2, $3)`,
        [last[0].id, last[0].timestamp, last[0].name],
      );
    }
  });

  it('says degraded (200) when a check such as the projections fails; the failure details only with a token', async () => {
    const failing = {
      name: 'projections',
      run: async () => ({
        ok: false,
        projections: [{ name: 'case-list', blocked: true, failures: [{ eventId: 'e-1', error: 'column x' }] }],
      }),
    };
    let app: INestApplication | undefined;
    try {
      app = await createApp(
        {
          infra: { config: t.config, pool: t.db.appPool, store: t.store, dataSource: t.dataSource },
          healthChecks: [failing],
          // The same clock as the sessions the tokens belong to (they were opened on it).
          clock: t.clock,
        },
        false,
      );
      await app.init();
      const server = app.getHttpServer();
      const anonymous = await request(server).get('/health');
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toEqual({ status: 'degraded' });
      expect(JSON.stringify(anonymous.body)).not.toContain('column x');
      const res = await request(server)
        .get('/health')
        .set(await bearer('admin'));
      expect(res.body.status).toBe('degraded');
      expect(res.body.checks.projections.projections[0].failures[0].error).toBe('column x');
    } finally {
      await app?.close();
    }
  });
});
