import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { demoAccount } from '@casework/identity';
import { startTestApp, type TestApp } from '../support/app';
import { boardRunner, registrationBody } from './households-support';
import { defined } from '../support/defined';

const XIYI = 'STREET_XIYI';
const CHANGLE = 'STREET_CHANGLEZHONG';

/** Every household route with a body that would be valid, so only scope can refuse it. */
const ROUTES: { method: 'get' | 'post'; path: string; body?: Record<string, unknown> }[] = [
  { method: 'get', path: '' },
  { method: 'get', path: '/history' },
  { method: 'post', path: '/change-status', body: { status: 'at_risk', reason: '收入下降' } },
  { method: 'post', path: '/assign-cadre', body: { cadre: { userId: 'u1', name: '干部', unit: CHANGLE } } },
  {
    method: 'post',
    path: '/reassign-cadre',
    body: { cadre: { userId: 'u2', name: '干部2', unit: CHANGLE }, reason: '调岗' },
  },
  {
    method: 'post',
    path: '/adopt-plan',
    body: {
      planId: 'p1',
      summary: 's',
      measures: [{ measureId: 'x', description: 'd', owner: 'o', targetDate: '2020-12-31' }],
    },
  },
  {
    method: 'post',
    path: '/add-measure',
    body: { measure: { measureId: 'y', description: 'd', owner: 'o', targetDate: '2020-12-31' } },
  },
  { method: 'post', path: '/complete-measure', body: { measureId: 'x', doneAt: '2020-11-16' } },
  {
    method: 'post',
    path: '/record-visit',
    body: {
      visitId: 'v',
      date: '2020-11-16',
      visitor: 'v',
      findings: 'f',
      needs: '',
      measuresTaken: '',
      nextVisitDue: '2020-12-16',
    },
  },
  { method: 'post', path: '/raise-risk', body: { riskId: 'r', source: 'data', description: 'd', severity: 'low' } },
  { method: 'post', path: '/eliminate-risk', body: { riskId: 'r', reason: 'ok now' } },
  {
    method: 'post',
    path: '/place-member',
    body: {
      placementId: 'pl',
      memberId: 'm1',
      employer: 'e',
      post: 'p',
      startDate: '2020-11-16',
      publicWelfarePost: true,
    },
  },
  {
    method: 'post',
    path: '/record-left-work',
    body: { placementId: 'pl', endDate: '2020-11-16', reason: 'contract ended' },
  },
  {
    method: 'post',
    path: '/record-check',
    body: { checkId: 'c', kind: 'zero_employment_household', date: '2020-11-16', result: 'clear' },
  },
  { method: 'post', path: '/link-case', body: { caseId: 'c1', programme: 'STARTUP_ONE_OFF', memberId: 'm1' } },
];

describe('households API', () => {
  let t: TestApp;
  let xiyi: string;
  let changle: string;
  let district: string;
  let inspector: string;

  beforeAll(async () => {
    t = await startTestApp('households');
    [xiyi, changle, district, inspector] = await Promise.all([
      t.login('street.xiyi'),
      t.login('street.changlezhong'),
      t.login('caseworker'),
      t.login('inspector'),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const register = async (token: string, body: unknown, key?: string) => {
    const r = request(t.server).post('/api/households').set('Authorization', `Bearer ${token}`);
    if (key) r.set('Idempotency-Key', key);
    return r.send(body as object);
  };
  const command = (token: string, id: string, route: string, body: unknown, etag?: string) => {
    const r = request(t.server).post(`/api/households/${id}/${route}`).set('Authorization', `Bearer ${token}`);
    if (etag) r.set('If-Match', etag);
    return r.send(body as object);
  };

  it('street staff of one office get 403 on every household route of another office, and nothing is written', async () => {
    const reg = await register(changle, registrationBody(CHANGLE));
    expect(reg.status).toBe(201);
    const id = reg.body.id;
    const before = await t.store.streamVersion(`household-${id}`);
    for (const route of ROUTES) {
      const url = `/api/households/${id}${route.path}`;
      const r =
        route.method === 'get'
          ? await request(t.server)
              .get(url)
              .set('Authorization', `Bearer ${xiyi}`)
              .query({ reason: 'just looking around' })
          : await request(t.server)
              .post(url)
              .set('Authorization', `Bearer ${xiyi}`)
              .set('If-Match', defined(reg.headers.etag, 'ETag'))
              .send(route.body);
      expect({ route: route.path, status: r.status, code: r.body.code }).toEqual({
        route: route.path,
        status: 403,
        code: 'HOUSEHOLD_OUT_OF_SCOPE',
      });
    }
    // A broken body is a 400 naming the field whoever sends it (DESIGN: bad input gets a 400), before
    // scope and If-Match, as for cases. It is checked against the command catalogue alone, so it leaks
    // nothing of the other office's household: the answer is the one for a household that does not exist.
    const bare = await command(xiyi, id, 'record-visit', { nonsense: 1 });
    expect(bare.status).toBe(400);
    expect(bare.body.errors.map((e: { field: string }) => e.field)).toContain('nonsense');
    const nowhere = await command(xiyi, randomUUID(), 'record-visit', { nonsense: 1 });
    const { instance: _a, ...bareProblem } = bare.body as Record<string, unknown>;
    const { instance: _b, ...nowhereProblem } = nowhere.body as Record<string, unknown>;
    expect({ status: nowhere.status, ...nowhereProblem }).toEqual({ status: bare.status, ...bareProblem });
    // Registering for another office is refused too, and the board refuses the other office's filter.
    expect((await register(xiyi, registrationBody(CHANGLE))).status).toBe(403);
    const board = await request(t.server)
      .get('/api/households')
      .set('Authorization', `Bearer ${xiyi}`)
      .query({ streetOffice: CHANGLE });
    expect(board.status).toBe(403);
    expect(await t.store.streamVersion(`household-${id}`)).toBe(before);
    // The owner reads it without a reason and without a recorded read.
    const own = await request(t.server).get(`/api/households/${id}`).set('Authorization', `Bearer ${changle}`);
    expect(own.status).toBe(200);
    expect(own.headers.etag).toBe(`W/"${before}"`);
  });

  it('an unknown household is 404, a malformed id a 400 naming id', async () => {
    expect(
      (await request(t.server).get(`/api/households/${randomUUID()}`).set('Authorization', `Bearer ${xiyi}`)).status,
    ).toBe(404);
    const bad = await request(t.server).get('/api/households/not-an-id').set('Authorization', `Bearer ${xiyi}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['id']);
  });

  it('inspectors read every household but change nothing; district and inspector reads need a reason and are recorded', async () => {
    const reg = await register(xiyi, registrationBody(XIYI, { employed: true }));
    const id = reg.body.id;
    const noReason = await request(t.server).get(`/api/households/${id}`).set('Authorization', `Bearer ${inspector}`);
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const withQuery = await request(t.server)
      .get(`/api/households/${id}`)
      .set('Authorization', `Bearer ${inspector}`)
      .query({ reason: '核查线索 2020-17' });
    expect(withQuery.status).toBe(200);
    expect(withQuery.body.members).toHaveLength(2);
    const withHeader = await request(t.server)
      .get(`/api/households/${id}/history`)
      .set('Authorization', `Bearer ${district}`)
      .set('X-Access-Reason', encodeURIComponent('季度抽查'));
    expect(withHeader.status).toBe(200);
    const { rows } = await t.db.adminPool.query(
      `select user_id, role, unit, purpose, read_at from audit_reads where subject_type = 'household' and subject_id = $1 order by id`,
      [id],
    );
    expect(rows.map((r) => [r.user_id, r.unit, r.purpose])).toEqual([
      [demoAccount('inspector').id, 'DISCIPLINE', '核查线索 2020-17'],
      [demoAccount('caseworker').id, 'DISTRICT_HRSS', '季度抽查'],
    ]);
    // Own-office reads are not recorded.
    await request(t.server).get(`/api/households/${id}`).set('Authorization', `Bearer ${xiyi}`).expect(200);
    const after = await t.db.adminPool.query(`select count(*)::int as n from audit_reads where subject_id = $1`, [id]);
    expect(after.rows[0].n).toBe(2);
    const change = await command(
      inspector,
      id,
      'record-check',
      ROUTES.find((r) => r.path === '/record-check')!.body,
      reg.headers.etag,
    );
    expect(change.status).toBe(403);
    // District staff may change it; the answer carries no personal data (reading it would have to be recorded).
    const byDistrict = await command(
      district,
      id,
      'record-check',
      ROUTES.find((r) => r.path === '/record-check')!.body,
      reg.headers.etag,
    );
    expect(byDistrict.status).toBe(200);
    expect(byDistrict.body).toMatchObject({ householdId: id, events: ['ThreeChecksRecorded'], view: null });
  });

  it('follows a household from registration through plan, visits, a risk and its elimination, with ETags and If-Match', async () => {
    const key = `reg-${randomUUID()}`;
    const body = registrationBody(XIYI, { employed: true, status: 'not_lifted', seq: 31 });
    const reg = await register(xiyi, body, key);
    expect(reg.status).toBe(201);
    expect(reg.headers.location).toBe(`/api/households/${reg.body.id}`);
    expect(reg.headers.etag).toBe('W/"1"');
    expect(reg.body).toMatchObject({ status: 'not_lifted', planRequired: true, zeroEmployment: false });
    expect(reg.body.schedule.missingPlan).toMatchObject({ overdue: false });
    const id = reg.body.id;
    // The same key again: the same household, nothing new. The same key for another household: 409.
    const again = await register(xiyi, body, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(id);
    expect(await t.store.streamVersion(`household-${id}`)).toBe(1);
    expect((await register(xiyi, { ...body, address: '【示例】别处' }, key)).status).toBe(409);

    const cadre = { cadre: { userId: demoAccount('street.xiyi').id, name: '【示例】郑街道', unit: XIYI } };
    expect((await command(xiyi, id, 'assign-cadre', cadre)).status).toBe(428);
    expect((await command(xiyi, id, 'assign-cadre', cadre, 'W/"7"')).status).toBe(412);
    const assigned = await command(xiyi, id, 'assign-cadre', cadre, 'W/"1"');
    expect(assigned.status).toBe(200);
    expect(assigned.headers.etag).toBe('W/"2"');

    const plan = await command(
      xiyi,
      id,
      'adopt-plan',
      {
        planId: 'plan-1',
        summary: '就业帮扶',
        measures: [
          { measureId: 'ms-1', description: '技能培训', owner: '郑街道', targetDate: '2020-11-30' },
          { measureId: 'ms-2', description: '产业奖补', owner: '郑街道', targetDate: '2020-12-31' },
        ],
      },
      assigned.headers.etag,
    );
    expect(plan.status).toBe(200);
    expect(plan.body.view).toMatchObject({ planRequired: false, plan: { planId: 'plan-1' } });

    const visit = await command(
      xiyi,
      id,
      'record-visit',
      {
        visitId: 'v1',
        date: '2020-11-16',
        visitor: '郑街道',
        findings: '户主因病住院',
        needs: '医疗救助',
        measuresTaken: '联系民政',
        nextVisitDue: '2020-12-01',
        risks: [{ riskId: 'r1', description: '因病返贫风险', severity: 'high' }],
      },
      plan.headers.etag,
    );
    expect(visit.status).toBe(200);
    expect(visit.body.events).toEqual(['HouseholdVisited', 'RiskFlagRaised']);
    expect(visit.body.view.schedule).toMatchObject({
      nextVisitDue: '2020-12-01',
      visitOverdue: false,
      openRisks: ['r1'],
    });

    // The board shows the open risk now, and the overdue visit and measure two weeks later.
    const runner = boardRunner(t);
    await runner.catchUp();
    const board = async (query: Record<string, string>) =>
      request(t.server).get('/api/households').set('Authorization', `Bearer ${xiyi}`).query(query);
    const risky = await board({ openRisks: 'true' });
    expect(risky.status).toBe(200);
    expect(risky.body.items.map((i: { householdId: string }) => i.householdId)).toContain(id);
    expect(
      (await board({ overdue: 'true' })).body.items.map((i: { householdId: string }) => i.householdId),
    ).not.toContain(id);
    const later = await board({ overdue: 'true', on: '2020-12-05', cadre: demoAccount('street.xiyi').id });
    const row = later.body.items.find((i: { householdId: string }) => i.householdId === id);
    expect(row).toMatchObject({
      overdue: { visit: true, measure: true, plan: false },
      nextVisitDue: '2020-12-01',
      nextMeasureDue: '2020-11-30',
      openRisks: 1,
    });
    expect(
      (await board({ overdue: 'visit', on: '2020-12-05', status: 'lifted' })).body.items.map(
        (i: { householdId: string }) => i.householdId,
      ),
    ).not.toContain(id);

    const eliminated = await command(
      xiyi,
      id,
      'eliminate-risk',
      { riskId: 'r1', reason: '医疗救助到位' },
      visit.headers.etag,
    );
    expect(eliminated.status).toBe(200);
    const done = await command(
      xiyi,
      id,
      'complete-measure',
      { measureId: 'ms-1', doneAt: '2020-11-16', note: '已参加培训' },
      eliminated.headers.etag,
    );
    expect(done.status).toBe(200);
    expect(done.body.view.risks[0]).toMatchObject({
      riskId: 'r1',
      eliminated: true,
      eliminationReason: '医疗救助到位',
    });
    await runner.catchUp();
    const after = await board({ on: '2020-12-05', village: '【示例】东坡村', overdue: 'measure' });
    expect(after.body.items.map((i: { householdId: string }) => i.householdId)).not.toContain(id);
    expect(
      (await board({ openRisks: 'true' })).body.items.map((i: { householdId: string }) => i.householdId),
    ).not.toContain(id);

    const history = await request(t.server).get(`/api/households/${id}/history`).set('Authorization', `Bearer ${xiyi}`);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'HouseholdRegistered',
      'ResponsibleCadreAssigned',
      'AssistancePlanAdopted',
      'HouseholdVisited',
      'RiskFlagRaised',
      'RiskEliminated',
      'PlanMeasureCompleted',
    ]);
    expect(history.body.events[0].metadata.actor).toMatchObject({ role: 'street_staff', unit: XIYI });
  });

  it('clears a zero-employment household by a placement, and the board follows', async () => {
    const reg = await register(xiyi, registrationBody(XIYI, { seq: 51 }));
    expect(reg.status).toBe(201);
    expect(reg.body.zeroEmployment).toBe(true);
    const id = reg.body.id;
    const runner = boardRunner(t);
    await runner.catchUp();
    const zero = async () =>
      (
        await request(t.server)
          .get('/api/households')
          .set('Authorization', `Bearer ${xiyi}`)
          .query({ zeroEmployment: 'true', pageSize: '200' })
      ).body.items.map((i: { householdId: string }) => i.householdId);
    expect(await zero()).toContain(id);
    const placed = await command(
      xiyi,
      id,
      'place-member',
      {
        placementId: 'pl-1',
        memberId: 'm2',
        employer: '【示例】街道办事处',
        post: '保洁公益性岗位',
        startDate: '2020-11-16',
        publicWelfarePost: true,
      },
      reg.headers.etag,
    );
    expect(placed.status).toBe(200);
    expect(placed.body.events).toEqual(['MemberPlacedInWork', 'ZeroEmploymentCleared']);
    expect(placed.body.view.zeroEmployment).toBe(false);
    await runner.catchUp();
    expect(await zero()).not.toContain(id);
  });

  it('district staff and inspectors see the whole board with a reason; each listed household read is recorded', async () => {
    await boardRunner(t).catchUp();
    const none = await request(t.server).get('/api/households').set('Authorization', `Bearer ${district}`);
    expect(none.status).toBe(400);
    expect(none.body.errors[0].field).toBe('reason');
    const all = await request(t.server)
      .get('/api/households')
      .set('Authorization', `Bearer ${district}`)
      .query({ reason: '周报汇总', pageSize: '200' });
    expect(all.status).toBe(200);
    const offices = new Set(all.body.items.map((i: { streetOffice: string }) => i.streetOffice));
    expect(offices).toEqual(new Set([XIYI, CHANGLE]));
    const { rows } = await t.db.adminPool.query(
      `select count(*)::int as n from audit_reads where purpose = '周报汇总'`,
    );
    expect(rows[0].n).toBe(all.body.items.length);
    const finance = await request(t.server)
      .get('/api/households')
      .set('Authorization', `Bearer ${await t.login('finance')}`);
    expect(finance.status).toBe(403);
    const own = await request(t.server).get('/api/households').set('Authorization', `Bearer ${changle}`);
    expect(new Set(own.body.items.map((i: { streetOffice: string }) => i.streetOffice))).toEqual(new Set([CHANGLE]));
  });
});
