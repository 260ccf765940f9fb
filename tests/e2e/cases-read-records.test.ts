import request from 'supertest';
import { sampleApplication } from '../../apps/cli/src/seed/sample-applications';
import { startTestApp, type TestApp } from '../support/app';
import { nth } from '../support/defined';

describe('reads of a case by an inspector or from another unit are recorded (DESIGN §1)', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp('case-reads');
    const opened = await request(t.server)
      .post('/api/cases')
      .set('Authorization', `Bearer ${await t.login('caseworker')}`)
      .send(sampleApplication('STARTUP_ONE_OFF', 9101));
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const reads = async () =>
    (
      await t.db.adminPool.query<{ user_id: string; role: string; purpose: string }>(
        'select user_id, role, purpose from audit_reads where subject_type = $1 and subject_id = $2 order by id',
        ['case', caseId],
      )
    ).rows;

  it('records nothing when the case’s own unit reads it; the answer may not be cached for another user', async () => {
    const token = await t.login('caseworker2');
    const res = await request(t.server).get(`/api/cases/${caseId}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['vary']).toMatch(/Authorization/);
    expect(await reads()).toEqual([]);
  });

  it('records every inspector read: current state, history, explanation, as-of', async () => {
    const token = await t.login('inspector');
    for (const path of ['', '/history', '/explain', '/as-of?version=1']) {
      expect(
        (await request(t.server).get(`/api/cases/${caseId}${path}`).set('Authorization', `Bearer ${token}`)).status,
      ).toBe(200);
    }
    const rows = await reads();
    expect(rows.map((r) => r.purpose)).toEqual([
      'case',
      'case history',
      'case explanation',
      'case as of an earlier point',
    ]);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['inspector']));
  });

  it('records a read from finance, a different unit', async () => {
    const before = (await reads()).length;
    expect(
      (
        await request(t.server)
          .get(`/api/cases/${caseId}`)
          .set('Authorization', `Bearer ${await t.login('finance')}`)
      ).status,
    ).toBe(200);
    const rows = await reads();
    expect(rows).toHaveLength(before + 1);
    expect(nth(rows, -1).role).toBe('finance');
  });
});
