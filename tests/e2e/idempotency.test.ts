import request from 'supertest';
import { sampleApplication } from '../../apps/cli/src/seed/sample-applications';
import { TEST_START, startTestApp, type TestApp } from '../support/app';
import { defined, nth } from '../support/defined';
import { registrationBody } from './households-support';

const XIYI = 'STREET_XIYI';
const CHANGLE = 'STREET_CHANGLEZHONG';
/** A message a person reads starts in Chinese. */
const CHINESE_FIRST = /^[\u3400-\u9fff]/;

const visit = (findings: string) => ({
  visitId: `v-${findings}`,
  date: '2020-11-16',
  visitor: '【示例】王干部',
  findings,
  needs: '',
  measuresTaken: '',
  nextVisitDue: '2020-12-16',
});

/**
 * Every command can be retried (issue 9 item 3): with an Idempotency-Key the same request gets the
 * first answer, also after the stream has moved on; the same key with another command or body is a
 * 409; racing copies have one effect. On the real PostgreSQL store.
 */
describe('Idempotency-Key on every command', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('idempotency');
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => t.clock.set(TEST_START));

  const auth = async (user: string) => `Bearer ${await t.login(user)}`;
  const post = async (path: string, user: string, body: object, headers: Record<string, string> = {}) => {
    const r = request(t.server)
      .post(path)
      .set('Authorization', await auth(user));
    for (const [name, value] of Object.entries(headers)) r.set(name, value);
    return r.send(body);
  };
  const openCase = async (n: number) => {
    const opened = await post('/api/cases', 'caseworker', sampleApplication('JOB_SEEKING_SUBSIDY', n));
    expect(opened.status).toBe(201);
    return { id: opened.body.id as string, etag: defined(opened.headers.etag, 'ETag') };
  };
  const registerHousehold = async (seq: number) => {
    const reg = await post('/api/households', 'street.xiyi', registrationBody(XIYI, { seq }));
    expect(reg.status).toBe(201);
    return { id: reg.body.id as string, etag: defined(reg.headers.etag, 'ETag') };
  };
  const eventsOf = async (streamId: string) => (await t.store.readStream(streamId)).map((e) => e.type);
  const answerOf = (r: request.Response) => ({ status: r.status, etag: r.headers.etag, body: r.body as unknown });
  const expectReused = (r: request.Response) => {
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(r.body.detail).toMatch(CHINESE_FIRST);
  };

  describe('case workflow commands', () => {
    it('answers a repeat with the first answer and ETag after the case moved on, instead of 412', async () => {
      const { id, etag } = await openCase(1);
      const key = { 'If-Match': etag, 'Idempotency-Key': 'accept-1' };
      const first = await post(`/api/cases/${id}/accept`, 'caseworker2', { note: '材料齐全' }, key);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe('W/"2"');
      const next = await post(`/api/cases/${id}/pass-preliminary-review`, 'caseworker2', {}, { 'If-Match': 'W/"2"' });
      expect(next.status).toBe(200);

      const again = await post(`/api/cases/${id}/accept`, 'caseworker2', { note: '材料齐全' }, key);
      expect(answerOf(again)).toEqual(answerOf(first));
      expect(await eventsOf(`case-${id}`)).toEqual(['CaseSubmitted', 'CaseAccepted', 'PreliminaryReviewPassed']);

      // Without the key the same request is a new command, and its If-Match is stale by now.
      const unkeyed = await post(`/api/cases/${id}/accept`, 'caseworker2', { note: '材料齐全' }, { 'If-Match': etag });
      expect(unkeyed.status).toBe(412);
    });

    it('refuses the same key with another body or another command with 409, and writes nothing', async () => {
      const { id, etag } = await openCase(2);
      const key = { 'If-Match': etag, 'Idempotency-Key': 'accept-2' };
      expect((await post(`/api/cases/${id}/accept`, 'caseworker2', { note: '第一次' }, key)).status).toBe(200);

      expectReused(await post(`/api/cases/${id}/accept`, 'caseworker2', { note: '第二次' }, key));
      expectReused(await post(`/api/cases/${id}/accept`, 'caseworker2', {}, key));
      expectReused(
        await post(`/api/cases/${id}/pass-preliminary-review`, 'caseworker2', {}, { ...key, 'If-Match': 'W/"2"' }),
      );
      expect(await eventsOf(`case-${id}`)).toEqual(['CaseSubmitted', 'CaseAccepted']);
      // A key names a request on one case: on another case the same key is a command of its own.
      const another = await openCase(6);
      const other = await post(
        `/api/cases/${another.id}/accept`,
        'caseworker2',
        { note: '第二次' },
        {
          'If-Match': another.etag,
          'Idempotency-Key': 'accept-2',
        },
      );
      expect(other.status).toBe(200);
    });

    it('ten concurrent identical requests with one key: one event, ten identical answers', async () => {
      const { id, etag } = await openCase(3);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          post(
            `/api/cases/${id}/accept`,
            'caseworker2',
            { note: '同时' },
            { 'If-Match': etag, 'Idempotency-Key': 'k3' },
          ),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(new Set(answers.map((a) => JSON.stringify(answerOf(a)))).size).toBe(1);
      expect(nth(answers, 0).headers.etag).toBe('W/"2"');
      expect(await eventsOf(`case-${id}`)).toEqual(['CaseSubmitted', 'CaseAccepted']);
    });

    it('eight concurrent different bodies with one key: one wins, the others are 409', async () => {
      const { id, etag } = await openCase(4);
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          post(
            `/api/cases/${id}/return-for-supplement`,
            'caseworker2',
            { reason: `第${i}份` },
            { 'If-Match': etag, 'Idempotency-Key': 'k4' },
          ),
        ),
      );
      const won = answers.filter((a) => a.status === 200);
      expect(won).toHaveLength(1);
      for (const lost of answers.filter((a) => a.status !== 200)) expectReused(lost);
      const stored = await t.store.readStream(`case-${id}`);
      expect(stored.map((e) => e.type)).toEqual(['CaseSubmitted', 'CaseReturnedForSupplement']);
      // The stored event is the winner's, and the winner's request is the one answered from now on.
      const winner = answers.indexOf(nth(won, 0));
      expect(nth(stored, 1).data.reason).toBe(`第${winner}份`);
      const again = await post(
        `/api/cases/${id}/return-for-supplement`,
        'caseworker2',
        { reason: `第${winner}份` },
        {
          'If-Match': etag,
          'Idempotency-Key': 'k4',
        },
      );
      expect(answerOf(again)).toEqual(answerOf(nth(won, 0)));
    });

    it('opening a case: a repeat after the case moved on gets the first answer; another body is 409', async () => {
      const body = sampleApplication('JOB_SEEKING_SUBSIDY', 5);
      const first = await post('/api/cases', 'caseworker', body, { 'Idempotency-Key': 'open-5' });
      expect(first.status).toBe(201);
      const id = first.body.id as string;
      const accepted = await post(`/api/cases/${id}/accept`, 'caseworker2', {}, { 'If-Match': 'W/"1"' });
      expect(accepted.status).toBe(200);
      const again = await post('/api/cases', 'caseworker', body, { 'Idempotency-Key': 'open-5' });
      expect({ ...answerOf(again), location: again.headers.location }).toEqual({
        ...answerOf(first),
        location: first.headers.location,
      });
      expectReused(
        await post(
          '/api/cases',
          'caseworker',
          { ...body, period: { from: '2020-11-01', to: '2020-11-30' } },
          {
            'Idempotency-Key': 'open-5',
          },
        ),
      );
      expect(await eventsOf(`case-${id}`)).toEqual(['CaseSubmitted', 'CaseAccepted']);
    });
  });

  describe('household commands', () => {
    it('answers a repeat with the first answer and ETag after the household moved on', async () => {
      const { id, etag } = await registerHousehold(21);
      const key = { 'If-Match': etag, 'Idempotency-Key': 'visit-1' };
      const first = await post(`/api/households/${id}/record-visit`, 'street.xiyi', visit('家中无人就业'), key);
      expect(first.status).toBe(200);
      const moved = await post(
        `/api/households/${id}/raise-risk`,
        'street.xiyi',
        { riskId: 'r1', source: 'data', description: '收入下降', severity: 'low' },
        { 'If-Match': defined(first.headers.etag, 'ETag') },
      );
      expect(moved.status).toBe(200);
      const before = await eventsOf(`household-${id}`);

      const again = await post(`/api/households/${id}/record-visit`, 'street.xiyi', visit('家中无人就业'), key);
      expect(answerOf(again)).toEqual(answerOf(first));
      expect(await eventsOf(`household-${id}`)).toEqual(before);
    });

    it('refuses the same key with another body or another command with 409, and writes nothing', async () => {
      const { id, etag } = await registerHousehold(22);
      const key = { 'If-Match': etag, 'Idempotency-Key': 'visit-2' };
      expect((await post(`/api/households/${id}/record-visit`, 'street.xiyi', visit('一'), key)).status).toBe(200);
      const before = await eventsOf(`household-${id}`);
      expectReused(await post(`/api/households/${id}/record-visit`, 'street.xiyi', visit('二'), key));
      expectReused(
        await post(
          `/api/households/${id}/raise-risk`,
          'street.xiyi',
          { riskId: 'r2', source: 'data', description: 'd', severity: 'low' },
          key,
        ),
      );
      expect(await eventsOf(`household-${id}`)).toEqual(before);
    });

    it('ten concurrent identical requests with one key: one visit, ten identical answers', async () => {
      const { id, etag } = await registerHousehold(23);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          post(`/api/households/${id}/record-visit`, 'street.xiyi', visit('同时'), {
            'If-Match': etag,
            'Idempotency-Key': 'visit-3',
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(new Set(answers.map((a) => JSON.stringify(answerOf(a)))).size).toBe(1);
      expect((await eventsOf(`household-${id}`)).filter((type) => type === 'HouseholdVisited')).toHaveLength(1);
    });

    it('eight concurrent different bodies with one key: one wins, the others are 409', async () => {
      const { id, etag } = await registerHousehold(24);
      const before = (await eventsOf(`household-${id}`)).length;
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          post(`/api/households/${id}/record-visit`, 'street.xiyi', visit(`第${i}次`), {
            'If-Match': etag,
            'Idempotency-Key': 'visit-4',
          }),
        ),
      );
      const won = answers.filter((a) => a.status === 200);
      expect(won).toHaveLength(1);
      for (const lost of answers.filter((a) => a.status !== 200)) expectReused(lost);
      const stored = await t.store.readStream(`household-${id}`);
      expect(stored.length - before).toBe(nth(won, 0).body.events.length);
      const winner = answers.indexOf(nth(won, 0));
      expect(stored.find((e) => e.type === 'HouseholdVisited')?.data.findings).toBe(`第${winner}次`);
    });

    it('registration: a repeat gets the first answer, another body 409; a broken body is 400 whoever sends it', async () => {
      const body = registrationBody(XIYI, { seq: 25 });
      const first = await post('/api/households', 'street.xiyi', body, { 'Idempotency-Key': 'reg-25' });
      expect(first.status).toBe(201);
      const again = await post('/api/households', 'street.xiyi', body, { 'Idempotency-Key': 'reg-25' });
      expect(answerOf(again)).toEqual(answerOf(first));
      expectReused(
        await post(
          '/api/households',
          'street.xiyi',
          { ...body, address: '【示例】东坡村2组2号' },
          {
            'Idempotency-Key': 'reg-25',
          },
        ),
      );
      // Bad input is a 400 naming the field, also from another office; a valid body from there is a 403.
      const broken = await post('/api/households', 'street.xiyi', { ...registrationBody(CHANGLE), members: 'none' });
      expect(broken.status).toBe(400);
      expect(broken.body.errors.map((e: { field: string }) => e.field)).toContain('members');
      expect((await post('/api/households', 'street.xiyi', registrationBody(CHANGLE, { seq: 26 }))).status).toBe(403);
    });
  });
});
