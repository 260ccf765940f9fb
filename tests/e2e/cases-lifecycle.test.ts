import request from 'supertest';
import { PROGRAMME_CODES, getPolicyVersion } from '@casework/policy';
import { sampleApplication } from '../../apps/cli/src/seed/sample-applications';
import { TEST_START, startTestApp, type TestApp } from '../support/app';
import { nth, defined } from '../support/defined';

/** Every programme from application to closure over HTTP, along the path its schedule needs. */
describe('case lifecycle over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('cases_life');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function send(id: string, route: string, user: string, etag: string, body: object = {}) {
    const res = await request(t.server)
      .post(`/api/cases/${id}/${route}`)
      .set('Authorization', `Bearer ${await t.login(user)}`)
      .set('If-Match', etag)
      .set('X-Correlation-Id', `life-${id}`)
      .send(body);
    if (res.status !== 200) throw new Error(`${route} by ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    expect(res.headers.etag).toBe(`W/"${res.body.version}"`);
    return res;
  }

  it.each(PROGRAMME_CODES.map((code, i) => [code, i + 1] as const))('%s: application to closure', async (code, n) => {
    t.clock.set(TEST_START);
    const app = sampleApplication(code, n);
    const opened = await request(t.server)
      .post('/api/cases')
      .set('Authorization', `Bearer ${await t.login('caseworker')}`)
      .send(app);
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    expect(opened.headers.location).toBe(`/api/cases/${id}`);
    expect(opened.headers.etag).toBe('W/"1"');
    expect(opened.body).toMatchObject({
      status: 'submitted',
      programme: code,
      unit: 'DISTRICT_HRSS',
      policyVersion: '2020-xc-v2',
    });
    expect(opened.body.eligibility.eligible).toBe(true);

    let etag = opened.headers.etag as string;
    const step = async (route: string, user: string, body: object = {}) => {
      const res = await send(id, route, user, etag, body);
      etag = defined(res.headers.etag, 'ETag');
      return res.body;
    };
    await step('accept', 'caseworker2');
    await step('pass-preliminary-review', 'caseworker2', { opinion: '材料齐全' });
    await step('pass-district-review', 'reviewer', { opinion: '符合条件' });
    const notice = await step('start-public-notice', 'reviewer');
    expect(notice.status).toBe('in_public_notice');
    t.clock.set(`${notice.due.noticeEndsOn}T10:00:00Z`);
    t.clock.advanceDays(1);
    await step('end-public-notice', 'caseworker');
    const programme = defined(getPolicyVersion('2020-xc-v2').programmes[code], `programme ${code}`);
    const approved = await step('approve', 'approver', { clause: programme.clauses[0] });
    expect(approved.status).toBe('approved');

    if (programme.schedule !== 'none') {
      expect(approved.approval.amountFen).toBeGreaterThan(0);
      const paying = await step('schedule-payout', 'finance', { firstDueOn: '2020-12-01' });
      expect(paying.status).toBe('in_payout');
      const count = paying.instalments.length;
      expect(count).toBe(programme.schedule === 'monthly' ? approved.approval.schedule.months : 1);
      for (let i = 1; i <= count; i++)
        await step('record-disbursement', 'finance', { instalmentNumber: i, reference: `BANK-${n}-${i}` });
      const paid = (
        await request(t.server)
          .get(`/api/cases/${id}`)
          .set('Authorization', `Bearer ${await t.login('caseworker')}`)
      ).body;
      expect(paid.disbursedFen).toBe(approved.approval.amountFen);
    } else {
      expect(approved.approval.schedule).toEqual({ kind: 'none' });
    }
    await step('schedule-follow-up', 'caseworker', { purpose: '劳动合同是否仍在履行', afterMonths: 1 });
    await step('record-follow-up', 'caseworker', { followUpNumber: 1, finding: '仍在履行', contractInForce: true });
    const closed = await step('close', 'caseworker', { reason: '办结' });
    expect(closed.status).toBe('closed');

    const history = await request(t.server)
      .get(`/api/cases/${id}/history`)
      .set('Authorization', `Bearer ${await t.login('inspector')}`);
    expect(history.status).toBe(200);
    const events = history.body.events as {
      version: number;
      type: string;
      hash: string;
      prevHash: string;
      metadata: { actor: { role: string }; commandId: string; policyVersion: string; correlationId: string };
    }[];
    expect(nth(events, 0).type).toBe('CaseSubmitted');
    expect(nth(events, -1).type).toBe('CaseClosed');
    events.forEach((e, i) => {
      expect(e.version).toBe(i + 1);
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(e.prevHash).toBe(nth(events, i - 1).hash);
      expect(e.metadata.actor).toEqual({
        userId: expect.any(String),
        role: expect.any(String),
        unit: expect.any(String),
      });
      expect(e.metadata.commandId).toEqual(expect.any(String));
      expect(e.metadata.policyVersion).toBe('2020-xc-v2');
    });
    expect(events.find((e) => e.type === 'CaseApproved')!.metadata.actor.role).toBe('approver');
    expect(events.slice(1).every((e) => e.metadata.correlationId === `life-${id}`)).toBe(true);

    const explain = await request(t.server)
      .get(`/api/cases/${id}/explain`)
      .set('Authorization', `Bearer ${await t.login('inspector')}`);
    expect(explain.status).toBe(200);
    expect(explain.body).toMatchObject({ policyVersion: '2020-xc-v2', eligible: true, decision: { kind: 'approved' } });
    expect(explain.body.conditions.length).toBeGreaterThan(0);
    expect(explain.body.conditions.every((c: { clause: string }) => typeof c.clause === 'string')).toBe(true);

    const asOf = await request(t.server)
      .get(`/api/cases/${id}/as-of?version=1`)
      .set('Authorization', `Bearer ${await t.login('inspector')}`);
    expect(asOf.status).toBe(200);
    expect(asOf.body).toMatchObject({ status: 'submitted', version: 1 });
  });
});
