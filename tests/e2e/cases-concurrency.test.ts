import request from 'supertest';
import { sampleApplication } from '../../apps/cli/src/seed/sample-applications';
import { TEST_START, startTestApp, type TestApp } from '../support/app';
import { nth, defined } from '../support/defined';

describe('case API under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('cases_race');
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => t.clock.set(TEST_START));
  const auth = async (user: string) => `Bearer ${await t.login(user)}`;

  it('ten concurrent POST /api/cases with one Idempotency-Key: one case, ten identical answers', async () => {
    const app = sampleApplication('UNEMPLOYMENT_SUBSIDY', 900);
    const token = await auth('caseworker');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(t.server)
          .post('/api/cases')
          .set('Authorization', token)
          .set('Idempotency-Key', 'form-2020-11-16-0001')
          .send(app),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const bodies = new Set(answers.map((a) => JSON.stringify(a.body)));
    expect(bodies.size).toBe(1);
    expect(new Set(answers.map((a) => `${a.headers.location} ${a.headers.etag}`)).size).toBe(1);
    const id = nth(answers, 0).body.id;
    const history = await request(t.server).get(`/api/cases/${id}/history`).set('Authorization', token);
    expect(history.body.events).toHaveLength(1);
    const { rows } = await t.db.adminPool.query(`select count(*)::int as n from events where type = 'CaseSubmitted'`);
    expect(rows[0].n).toBe(1);
    // The same key with a different application is refused, not silently answered.
    const reused = await request(t.server)
      .post('/api/cases')
      .set('Authorization', token)
      .set('Idempotency-Key', 'form-2020-11-16-0001')
      .send(sampleApplication('UNEMPLOYMENT_SUBSIDY', 901));
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('two concurrent approvals with the same If-Match: one 200, one 412', async () => {
    const opened = await request(t.server)
      .post('/api/cases')
      .set('Authorization', await auth('caseworker'))
      .send(sampleApplication('JOB_SEEKING_SUBSIDY', 902));
    const id = opened.body.id;
    let etag = opened.headers.etag as string;
    const step = async (route: string, user: string, body: object = {}) => {
      const res = await request(t.server)
        .post(`/api/cases/${id}/${route}`)
        .set('Authorization', await auth(user))
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
    const token = await auth('approver');
    const both = await Promise.all(
      [0, 1].map(() =>
        request(t.server)
          .post(`/api/cases/${id}/approve`)
          .set('Authorization', token)
          .set('If-Match', etag)
          .send({ clause: '(十三)1' }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
    const history = await request(t.server).get(`/api/cases/${id}/history`).set('Authorization', token);
    expect(history.body.events.filter((e: { type: string }) => e.type === 'CaseApproved')).toHaveLength(1);
  });

  it('two racing applications for the same beneficiary and programme: one accepted, one refused with the reason', async () => {
    const app = sampleApplication('STARTUP_ONE_OFF', 903);
    const [a, b] = await Promise.all([
      request(t.server)
        .post('/api/cases')
        .set('Authorization', await auth('caseworker'))
        .send(app),
      request(t.server)
        .post('/api/cases')
        .set('Authorization', await auth('caseworker2'))
        .send(app),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const [won, lost] = a.status === 201 ? [a, b] : [b, a];
    expect(lost.body.code).toBe('DUPLICATE_BENEFIT');
    expect(lost.body.heldBy).toBe(won.body.id);
    expect(lost.body.detail).toMatch(/once per beneficiary/);
  });
});
