import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('health');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is ready when the database answers and every migration is applied, as the restricted app role', async () => {
    const res = await request(t.server).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.checks.database.ok).toBe(true);
    expect(res.body.checks.migrations).toMatchObject({
      ok: true,
      eventStore: { missing: [] },
      readModels: { pending: false },
    });
  });

  it('says unavailable (503) and why when a read-model migration is missing', async () => {
    const last = await t.dataSource.query(
      `select id, timestamp, name from ${t.db.schema}.typeorm_migrations order by id desc limit 1`,
    );
    await t.dataSource.query(`delete from ${t.db.schema}.typeorm_migrations where id = $1`, [last[0].id]);
    try {
      const res = await request(t.server).get('/health');
      expect(res.status).toBe(503);
      expect(res.body.checks.migrations).toMatchObject({ ok: false, readModels: { pending: true } });
    } finally {
      await t.dataSource.query(
        `insert into ${t.db.schema}.typeorm_migrations (id, timestamp, name) values ($1, $2, $3)`,
        [last[0].id, last[0].timestamp, last[0].name],
      );
    }
  });
});
