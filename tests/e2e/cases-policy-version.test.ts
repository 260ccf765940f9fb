import request from 'supertest';
import { sampleApplication } from '../../apps/cli/src/seed/sample-applications';
import { TEST_START, startTestApp, type TestApp } from '../support/app';
import { defined } from '../support/defined';

/**
 * (八) The one-off start-up subsidy went from 3000 to 5000 yuan with 新政发〔2020〕28号 (2020-11-13).
 * A case keeps the policy version it was applied under through every later evaluation and its
 * approval; a case applied for after the change gets the new amount.
 */
describe('policy versions over HTTP: 3000 → 5000 yuan start-up subsidy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('cases_policy');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function openAndApprove(n: number, applicationDate: string) {
    t.clock.set(TEST_START);
    const opened = await request(t.server)
      .post('/api/cases')
      .set('Authorization', `Bearer ${await t.login('caseworker')}`)
      .send({ ...sampleApplication('STARTUP_ONE_OFF', n), applicationDate });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    let etag = opened.headers.etag as string;
    const step = async (route: string, user: string, body: object = {}) => {
      const res = await request(t.server)
        .post(`/api/cases/${id}/${route}`)
        .set('Authorization', `Bearer ${await t.login(user)}`)
        .set('If-Match', etag)
        .send(body);
      expect(res.status).toBe(200);
      etag = defined(res.headers.etag, 'ETag');
      return res.body;
    };
    await step('accept', 'caseworker2');
    await step('pass-preliminary-review', 'caseworker2');
    await step('pass-district-review', 'reviewer');
    const notice = await step('start-public-notice', 'reviewer');
    t.clock.set(`${notice.due.noticeEndsOn}T10:00:00Z`);
    t.clock.advanceDays(1);
    await step('end-public-notice', 'caseworker');
    const approved = await step('approve', 'approver', { clause: '(八)' });
    const explain = await request(t.server)
      .get(`/api/cases/${id}/explain`)
      .set('Authorization', `Bearer ${await t.login('caseworker')}`);
    expect(explain.status).toBe(200);
    return { approved, explain: explain.body };
  }

  it('a case applied for before 2020-11-13 is decided at 3000 yuan under 2020-xc-v1, even when reviewed after the change', async () => {
    const { approved, explain } = await openAndApprove(7101, '2020-11-02');
    expect(approved.policyVersion).toBe('2020-xc-v1');
    expect(approved.approval).toMatchObject({ amountFen: 300000, policyVersion: '2020-xc-v1' });
    expect(explain.policyVersion).toBe('2020-xc-v1');
    expect(explain.amount.totalFen).toBe(300000);
    // Re-evaluated at the district review (after the change), still under its own version.
    expect(explain.evaluations.length).toBeGreaterThanOrEqual(2);
    for (const e of explain.evaluations) expect(e.eligibility?.policyVersion ?? e.policyVersion).toBe('2020-xc-v1');
  });

  it('a case applied for from 2020-11-13 gets 5000 yuan under 2020-xc-v2', async () => {
    const { approved, explain } = await openAndApprove(7102, '2020-11-16');
    expect(approved.approval).toMatchObject({ amountFen: 500000, policyVersion: '2020-xc-v2' });
    expect(explain.amount.formula).toMatch(/5000/);
  });
});
