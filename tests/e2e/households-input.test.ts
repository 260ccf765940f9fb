import request from 'supertest';
import { HOUSEHOLD_COMMANDS, type HouseholdCommandType, type HouseholdFieldSpec } from '@casework/domain';
import { startTestApp, type TestApp } from '../support/app';
import { registrationBody } from './households-support';
import { defined } from '../support/defined';

/** A value of the wrong kind for each field type. */
const WRONG: Record<HouseholdFieldSpec['type'], unknown[]> = {
  string: [42, true, {}, ['a']],
  date: ['2020-02-30', '16/11/2020', 20201116, ''],
  boolean: ['yes', 1, 'true'],
  object: ['x', 3, ['a']],
  array: ['x', { a: 1 }, 7],
};

/** A valid body per command for a household registered with registrationBody (members m1, m2). */
const VALID: Record<Exclude<HouseholdCommandType, 'registerHousehold'>, Record<string, unknown>> = {
  changeHouseholdStatus: { status: 'at_risk', reason: '收入下降' },
  assignResponsibleCadre: { cadre: { userId: 'u1', name: '干部', unit: 'STREET_XIYI' } },
  reassignResponsibleCadre: { cadre: { userId: 'u2', name: '干部2', unit: 'STREET_XIYI' }, reason: '调岗' },
  adoptAssistancePlan: {
    planId: 'p1',
    summary: 's',
    measures: [{ measureId: 'x', description: 'd', owner: 'o', targetDate: '2020-12-31' }],
  },
  addPlanMeasure: { measure: { measureId: 'y', description: 'd', owner: 'o', targetDate: '2020-12-31' } },
  completePlanMeasure: { measureId: 'x', doneAt: '2020-11-16', note: 'n' },
  recordVisit: {
    visitId: 'v',
    date: '2020-11-16',
    visitor: 'v',
    findings: 'f',
    needs: '',
    measuresTaken: '',
    nextVisitDue: '2020-12-16',
    risks: [{ riskId: 'r', description: 'd', severity: 'low' }],
  },
  raiseRiskFlag: { riskId: 'r9', source: 'data', description: 'd', severity: 'low' },
  eliminateRisk: { riskId: 'r', reason: 'ok now' },
  placeMemberInWork: {
    placementId: 'pl',
    memberId: 'm1',
    employer: 'e',
    post: 'p',
    startDate: '2020-11-16',
    publicWelfarePost: true,
  },
  recordMemberLeftWork: { placementId: 'pl', endDate: '2020-11-16', reason: 'contract ended' },
  recordThreeChecks: { checkId: 'c', kind: 'zero_employment_household', date: '2020-11-16', result: 'clear' },
  linkSubsidyCase: { caseId: 'c1', programme: 'STARTUP_ONE_OFF', memberId: 'm1' },
};

/** Every (path, bad value) pair for a body: each field, nested ones included, given a value of the wrong kind. */
function corruptions(
  fields: readonly HouseholdFieldSpec[],
  valid: Record<string, unknown>,
): { field: string; body: Record<string, unknown> }[] {
  const out: { field: string; body: Record<string, unknown> }[] = [];
  for (const spec of fields) {
    for (const wrong of WRONG[spec.type]) out.push({ field: spec.name, body: { ...valid, [spec.name]: wrong } });
    if (spec.enum) out.push({ field: spec.name, body: { ...valid, [spec.name]: 'no_such_value' } });
    if (spec.maxLength) out.push({ field: spec.name, body: { ...valid, [spec.name]: 'x'.repeat(spec.maxLength + 1) } });
    if (spec.required)
      out.push({ field: spec.name, body: Object.fromEntries(Object.entries(valid).filter(([k]) => k !== spec.name)) });
    const inner = valid[spec.name];
    if (spec.fields && spec.type === 'object' && inner && typeof inner === 'object') {
      for (const c of corruptions(spec.fields, inner as Record<string, unknown>))
        out.push({ field: `${spec.name}.${c.field}`, body: { ...valid, [spec.name]: c.body } });
    }
    if (spec.fields && spec.type === 'array' && Array.isArray(inner) && inner.length > 0) {
      out.push({ field: `${spec.name}[0]`, body: { ...valid, [spec.name]: [null] } });
      for (const c of corruptions(spec.fields, inner[0] as Record<string, unknown>))
        out.push({ field: `${spec.name}[0].${c.field}`, body: { ...valid, [spec.name]: [c.body] } });
    }
  }
  out.push({ field: 'surprise', body: { ...valid, surprise: 1 } });
  return out;
}

describe('households API: bad input', () => {
  let t: TestApp;
  let token: string;
  let id: string;
  let etag: string;

  beforeAll(async () => {
    t = await startTestApp('households_input');
    token = await t.login('street.xiyi');
    const reg = await request(t.server)
      .post('/api/households')
      .set('Authorization', `Bearer ${token}`)
      .send(registrationBody('STREET_XIYI'));
    expect(reg.status).toBe(201);
    id = reg.body.id;
    etag = defined(reg.headers.etag, 'ETag');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registration: every field with a wrong value is a 400 naming it, and nothing is written', async () => {
    const before = (await t.db.adminPool.query('select count(*)::int as n from events')).rows[0].n;
    const cases = corruptions(HOUSEHOLD_COMMANDS.registerHousehold.fields, registrationBody('STREET_XIYI'));
    cases.push({
      field: 'members[0].idNumber',
      body: {
        ...registrationBody('STREET_XIYI'),
        members: [{ ...registrationBody('STREET_XIYI').members[0], idNumber: '610102197503010112' }],
      },
    });
    cases.push({ field: 'streetOffice', body: { ...registrationBody('STREET_XIYI'), streetOffice: 'DISTRICT_HRSS' } });
    for (const c of cases) {
      const res = await request(t.server)
        .post('/api/households')
        .set('Authorization', `Bearer ${await t.login('caseworker')}`)
        .send(c.body);
      expect({ field: c.field, status: res.status }).toEqual({ field: c.field, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(c.field);
    }
    const after = (await t.db.adminPool.query('select count(*)::int as n from events')).rows[0].n;
    expect(after).toBe(before);
    expect(cases.length).toBeGreaterThan(60);
  });

  it('every follow-up command: every field with a wrong value is a 400 naming it, and the household is untouched', async () => {
    let count = 0;
    for (const [type, valid] of Object.entries(VALID) as [
      Exclude<HouseholdCommandType, 'registerHousehold'>,
      Record<string, unknown>,
    ][]) {
      const route = HOUSEHOLD_COMMANDS[type].route;
      for (const c of corruptions(HOUSEHOLD_COMMANDS[type].fields, valid)) {
        const res = await request(t.server)
          .post(`/api/households/${id}/${route}`)
          .set('Authorization', `Bearer ${token}`)
          .set('If-Match', etag)
          .send(c.body);
        expect({ type, field: c.field, status: res.status }).toEqual({ type, field: c.field, status: 400 });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(c.field);
        count++;
      }
      const notObject = await request(t.server)
        .post(`/api/households/${id}/${route}`)
        .set('Authorization', `Bearer ${token}`)
        .set('If-Match', etag)
        .send([1, 2]);
      expect(notObject.status).toBe(400);
      const malformed = await request(t.server)
        .post(`/api/households/${id}/${route}`)
        .set('Authorization', `Bearer ${token}`)
        .set('If-Match', etag)
        .set('content-type', 'application/json')
        .send('{"a":');
      expect(malformed.status).toBe(400);
      const badEtag = await request(t.server)
        .post(`/api/households/${id}/${route}`)
        .set('Authorization', `Bearer ${token}`)
        .set('If-Match', 'banana')
        .send(valid);
      expect(badEtag.status).toBe(400);
      expect(badEtag.body.errors[0].field).toBe('If-Match');
    }
    expect(count).toBeGreaterThan(150);
    expect(await t.store.streamVersion(`household-${id}`)).toBe(Number(etag.replace(/\D/g, '')));
  });

  it('a bad body is reported before a stale or missing If-Match, as for cases', async () => {
    const bad = { ...VALID.recordVisit, visitor: 42 };
    const stale = await request(t.server)
      .post(`/api/households/${id}/record-visit`)
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', 'W/"999"')
      .send(bad);
    expect(stale.status).toBe(400);
    expect(stale.body.errors.map((e: { field: string }) => e.field)).toContain('visitor');
    const missing = await request(t.server)
      .post(`/api/households/${id}/record-visit`)
      .set('Authorization', `Bearer ${token}`)
      .send(bad);
    expect(missing.status).toBe(400);
    const good = await request(t.server)
      .post(`/api/households/${id}/record-visit`)
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', 'W/"999"')
      .send(VALID.recordVisit);
    expect(good.status).toBe(412);
  });

  it('business rules name their field too: a visit in the future, a measure of no plan, a member who is not there', async () => {
    const future = await request(t.server)
      .post(`/api/households/${id}/record-visit`)
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', etag)
      .send({ ...VALID.recordVisit, date: '2030-01-01', nextVisitDue: '2030-02-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors.map((e: { field: string }) => e.field)).toContain('date');
    const stranger = await request(t.server)
      .post(`/api/households/${id}/place-member`)
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', etag)
      .send({ ...VALID.placeMemberInWork, memberId: 'm9' });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors.map((e: { field: string }) => e.field)).toContain('memberId');
    const noPlan = await request(t.server)
      .post(`/api/households/${id}/complete-measure`)
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', etag)
      .send(VALID.completePlanMeasure);
    expect(noPlan.status).toBe(404);
    expect(noPlan.body.code).toMatch(/NOT_FOUND/);
  });

  it('the board rejects unknown and malformed filters, naming them', async () => {
    const res = await request(t.server).get('/api/households').set('Authorization', `Bearer ${token}`).query({
      overdue: 'soon',
      status: 'rich',
      zeroEmployment: 'maybe',
      page: '0',
      pageSize: '1000',
      on: '2020-13-01',
      colour: 'red',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'colour',
      'on',
      'overdue',
      'page',
      'pageSize',
      'status',
      'zeroEmployment',
    ]);
    const twice = await request(t.server)
      .get('/api/households?village=a&village=b')
      .set('Authorization', `Bearer ${token}`);
    expect(twice.status).toBe(400);
    const shortReason = await request(t.server)
      .get(`/api/households/${id}`)
      .set('Authorization', `Bearer ${await t.login('inspector')}`)
      .query({ reason: 'x' });
    expect(shortReason.status).toBe(400);
    expect(shortReason.body.errors[0].field).toBe('reason');
  });
});
