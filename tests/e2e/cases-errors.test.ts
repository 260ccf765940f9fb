import request from 'supertest';
import { sampleApplication, syntheticPerson } from '../../apps/cli/src/seed/sample-applications';
import { TEST_START, startTestApp, type TestApp } from '../support/app';
import {} from '../support/defined';

/** Every error path of the case API answers with Problem Details naming the field or the rule, never a 500. */
describe('case API errors', () => {
  let t: TestApp;
  let seq = 100;
  beforeAll(async () => {
    t = await startTestApp('cases_err');
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => t.clock.set(TEST_START));

  const auth = async (user: string) => `Bearer ${await t.login(user)}`;
  const open = async (body: object, user = 'caseworker', headers: Record<string, string> = {}) =>
    request(t.server)
      .post('/api/cases')
      .set('Authorization', await auth(user))
      .set(headers)
      .send(body);
  const cmd = async (id: string, route: string, user: string, ifMatch: string | null, body: object = {}) => {
    const r = request(t.server)
      .post(`/api/cases/${id}/${route}`)
      .set('Authorization', await auth(user));
    if (ifMatch !== null) r.set('If-Match', ifMatch);
    return r.send(body);
  };
  const fields = (res: request.Response) => (res.body.errors ?? []).map((e: { field: string }) => e.field);
  const newCase = async (programme = 'STARTUP_ONE_OFF', user = 'caseworker') => {
    const res = await open(sampleApplication(programme, seq++), user);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('400 naming the field: bad ID check digit, malformed credit code, wrong types, unknown fields, oversized strings', async () => {
    const good = sampleApplication('STARTUP_ONE_OFF', seq++);
    const badId =
      good.beneficiary.kind === 'person'
        ? good.beneficiary.idNumber.slice(0, 17) + (good.beneficiary.idNumber[17] === '1' ? '2' : '1')
        : '';
    const cases: [object, string][] = [
      [{ ...good, beneficiary: { ...good.beneficiary, idNumber: badId } }, 'beneficiary.idNumber'],
      [
        { ...good, facts: { ...good.facts, business: { creditCode: '91610102MA00000O1X' } } },
        'facts.business.creditCode',
      ],
      [
        { ...good, facts: { ...good.facts, founder: { idNumber: syntheticPerson(1).idNumber, group: 'astronaut' } } },
        'facts.founder.group',
      ],
      [{ ...good, programme: 42 }, 'programme'],
      [{ ...good, programme: 'NO_SUCH_PROGRAMME' }, 'programme'],
      [{ ...good, surprise: true }, 'surprise'],
      [{ ...good, beneficiary: { ...good.beneficiary, name: 'x'.repeat(5000) } }, 'beneficiary.name'],
      [{ ...good, period: { from: '2020-12-31', to: '2020-11-01' } }, 'period.to'],
      [{ ...good, period: { from: '2020-02-30', to: '2020-12-31' } }, 'period.from'],
      [{ ...good, applicationDate: '2030-01-01' }, 'applicationDate'],
      [{ ...good, facts: 'not an object' }, 'facts'],
    ];
    for (const [body, field] of cases) {
      const res = await open(body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fields(res)).toContain(field);
    }
  });

  it('400 for negative or fractional amounts and dates outside the programme window', async () => {
    const loan = sampleApplication('STARTUP_LOAN_INTEREST', seq++);
    const facts = loan.facts as { loan: Record<string, unknown> };
    for (const principalFen of [-100, 12.5]) {
      const res = await open({ ...loan, facts: { ...loan.facts, loan: { ...facts.loan, principalFen } } });
      expect(res.status).toBe(400);
      expect(fields(res)).toContain('facts.loan.principalFen');
    }
    const hiring = sampleApplication('HIRING_GRADUATE_ONE_OFF', seq++);
    const late = await open({
      ...hiring,
      facts: { ...hiring.facts, contract: { startDate: '2021-01-05', months: 24 } },
    });
    expect(late.status).toBe(400);
    expect(fields(late)).toContain('facts.contract.startDate');
    const refund = sampleApplication('JOB_RETENTION_REFUND', seq++);
    t.clock.set('2021-03-01T02:00:00Z');
    const tooLate = await open({ ...refund, applicationDate: '2021-02-01' });
    expect(tooLate.status).toBe(400);
    expect(fields(tooLate)).toContain('applicationDate');
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const res = await request(t.server)
      .post('/api/cases')
      .set('Authorization', await auth('caseworker'))
      .set('content-type', 'application/json')
      .send('{"programme":');
    expect(res.status).toBe(400);
  });

  it('GET: ETag; 404 for an unknown id; 400 for an invalid uuid', async () => {
    const id = await newCase();
    const got = await request(t.server)
      .get(`/api/cases/${id}`)
      .set('Authorization', await auth('caseworker'));
    expect(got.status).toBe(200);
    expect(got.headers.etag).toBe('W/"1"');
    const unknown = await request(t.server)
      .get('/api/cases/7d0f8e3c-2b6e-4d1f-9a57-1c1b8f3c2a10')
      .set('Authorization', await auth('caseworker'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CASE_NOT_FOUND');
    const invalid = await request(t.server)
      .get('/api/cases/not-a-uuid')
      .set('Authorization', await auth('caseworker'));
    expect(invalid.status).toBe(400);
    expect(fields(invalid)).toEqual(['id']);
  });

  it('428 without If-Match, 412 when stale, 400 when malformed', async () => {
    const id = await newCase();
    const missing = await cmd(id, 'accept', 'caseworker2', null);
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('IF_MATCH_REQUIRED');
    const malformed = await cmd(id, 'accept', 'caseworker2', 'version one');
    expect(malformed.status).toBe(400);
    expect(fields(malformed)).toEqual(['If-Match']);
    expect((await cmd(id, 'accept', 'caseworker2', 'W/"1"')).status).toBe(200);
    const stale = await cmd(id, 'pass-preliminary-review', 'caseworker2', 'W/"1"');
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', expectedVersion: 1, actualVersion: 2 });
  });

  it('409 for a command not allowed in this state, listing the allowed ones', async () => {
    const id = await newCase();
    const res = await cmd(id, 'approve', 'approver', 'W/"1"', { clause: '(八)' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', state: 'submitted' });
    expect(res.body.allowed).toEqual(expect.arrayContaining(['accept', 'withdraw']));
  });

  it('403 for the wrong role, the wrong street office, and separation of duties', async () => {
    const id = await newCase();
    const role = await cmd(id, 'accept', 'finance', 'W/"1"');
    expect(role.status).toBe(403);
    expect(role.body.code).toBe('ROLE_NOT_ALLOWED');
    const inspector = await cmd(id, 'accept', 'inspector', 'W/"1"');
    expect(inspector.status).toBe(403);
    // A street office's caseworker neither sees nor moves the district's cases.
    const unit = await cmd(id, 'accept', 'caseworker.xiyi', 'W/"1"');
    expect(unit.status).toBe(403);
    expect(unit.body.code).toBe('UNIT_NOT_ALLOWED');
    expect(
      (
        await request(t.server)
          .get(`/api/cases/${id}`)
          .set('Authorization', await auth('caseworker.xiyi'))
      ).status,
    ).toBe(403);
    expect((await cmd(id, 'accept', 'caseworker', 'W/"1"')).status).toBe(200);
    const own = await cmd(id, 'pass-preliminary-review', 'caseworker', 'W/"2"');
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('400 for bad command input, naming the field', async () => {
    const id = await newCase();
    const unknownField = await cmd(id, 'accept', 'caseworker2', 'W/"1"', { note: 'ok', hack: 1 });
    expect(unknownField.status).toBe(400);
    expect(fields(unknownField)).toContain('hack');
    const tooLong = await cmd(id, 'return-for-supplement', 'caseworker2', 'W/"1"', { reason: 'x'.repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect(fields(tooLong)).toContain('reason');
    const wrongType = await cmd(id, 'return-for-supplement', 'caseworker2', 'W/"1"', { reason: 7 });
    expect(wrongType.status).toBe(400);
    expect(fields(wrongType)).toContain('reason');
    const missing = await cmd(id, 'return-for-supplement', 'caseworker2', 'W/"1"', {});
    expect(missing.status).toBe(400);
    expect(fields(missing)).toContain('reason');
    const after = await request(t.server)
      .get(`/api/cases/${id}`)
      .set('Authorization', await auth('caseworker'));
    expect(after.headers.etag).toBe('W/"1"');
  });

  it('as-of by time and by version; bad parameters are 400', async () => {
    const id = await newCase();
    t.clock.advanceDays(1);
    await cmd(id, 'accept', 'caseworker2', 'W/"1"');
    // as-of by time means when the events were written: the database's clock, read back from the store.
    const [opened] = await t.store.readStream(`case-${id}`);
    const then = await request(t.server)
      .get(`/api/cases/${id}/as-of?at=${encodeURIComponent(opened?.metadata.recordedAt ?? '')}`)
      .set('Authorization', await auth('inspector'));
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ status: 'submitted', version: 1 });
    const now = await request(t.server)
      .get(`/api/cases/${id}/as-of?version=2`)
      .set('Authorization', await auth('inspector'));
    expect(now.body).toMatchObject({ status: 'accepted', version: 2 });
    for (const q of [
      '',
      '?at=yesterday',
      '?version=0',
      '?version=1.5',
      '?at=2020-11-16T02:00:00Z&version=1',
      '?when=now',
    ]) {
      const res = await request(t.server)
        .get(`/api/cases/${id}/as-of${q}`)
        .set('Authorization', await auth('inspector'));
      expect({ q, status: res.status }).toEqual({ q, status: 400 });
    }
    const before = await request(t.server)
      .get(`/api/cases/${id}/as-of?at=2020-01-01T00:00:00Z`)
      .set('Authorization', await auth('inspector'));
    expect(before.status).toBe(404);
  });

  it('a duplicate application is refused naming the case that holds the benefit; withdrawal releases it', async () => {
    const app = sampleApplication('STARTUP_ONE_OFF', seq++);
    const first = await open(app);
    expect(first.status).toBe(201);
    const second = await open(app, 'caseworker2');
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'DUPLICATE_BENEFIT', heldBy: first.body.id });
    expect(second.body.detail).toContain(first.body.id);
    expect((await cmd(first.body.id, 'withdraw', 'caseworker', 'W/"1"', { reason: '申请人撤回' })).status).toBe(200);
    const third = await open(app, 'caseworker2');
    expect(third.status).toBe(201);
  });

  it('rejection releases the benefit; at most 3 subsidised loans per borrower', async () => {
    const loan = sampleApplication('STARTUP_LOAN_INTEREST', seq++);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await open({ ...loan, period: { from: '2020-11-01', to: `2020-12-${10 + i}` } });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const fourth = await open(loan);
    expect(fourth.status).toBe(409);
    expect(fourth.body.code).toBe('BENEFIT_LIMIT_REACHED');
    expect(fourth.body.heldByCases).toEqual(expect.arrayContaining(ids));
    const [first] = ids;
    if (first === undefined) throw new Error('no case was opened');
    expect((await cmd(first, 'accept', 'caseworker2', 'W/"1"')).status).toBe(200);
    expect((await cmd(first, 'reject', 'reviewer', 'W/"2"', { clause: '(八)', reason: '项目不符合条件' })).status).toBe(
      200,
    );
    expect((await open(loan)).status).toBe(201);
  });
});
