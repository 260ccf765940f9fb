import request from 'supertest';
import { PROGRAMME_CODES, getPolicyVersion } from '@casework/policy';
import { SEEDED_STATES, seedCases } from '../../apps/cli/src/seed/seed-cases';
import { startTestApp, type TestApp } from '../support/app';
import { nth, defined } from '../support/defined';

describe('demo cases seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('cases_seed');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates every programme in every state through the handlers, synthetic and labelled, once', async () => {
    const first = await seedCases(t.store);
    const expected = PROGRAMME_CODES.reduce((sum, code) => {
      const none = defined(getPolicyVersion('2020-xc-v2').programmes[code], code).schedule === 'none';
      return sum + SEEDED_STATES.length - (none ? 3 : 0);
    }, 0);
    expect(first).toEqual({ created: expected, skipped: 0 });
    const { rows } = await t.db.adminPool.query<{ status: string; n: number }>(`
      select data->>'type' as status, count(*)::int as n from (
        select distinct on (stream_id) stream_id, jsonb_build_object('type', type) as data from events where stream_id like 'case-%' order by stream_id, version desc
      ) last group by 1`);
    expect(rows.length).toBeGreaterThan(8);
    const submitted = await t.db.adminPool.query(`select data from events where type = 'CaseSubmitted'`);
    for (const { data } of submitted.rows) {
      expect(data.beneficiary.name).toMatch(/^【示例】/);
      expect(data.facts.synthetic).toBe(true);
    }
    const again = await seedCases(t.store);
    expect(again).toEqual({ created: 0, skipped: expected });
  }, 90_000);

  it('seeded cases are readable over HTTP in the state they were seeded in', async () => {
    const { rows } = await t.db.adminPool.query<{ stream_id: string }>(
      `select stream_id from events where type = 'CaseSuspended' limit 1`,
    );
    const id = nth(rows, 0).stream_id.replace(/^case-/, '');
    const res = await request(t.server)
      .get(`/api/cases/${id}`)
      .set('Authorization', `Bearer ${await t.login('inspector')}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('suspended');
  });
});
