import ExcelJS from 'exceljs';
import { PostgresEventStore } from '@casework/event-store';
import { ProjectionRunner, allProjections, recordRead, syntheticWorkload } from '@casework/read-models';
import { appendStreams } from '../reliability/projection-fixture';
import { waitUntilInGlobalOrder } from '../support/global-order';
import { startTestApp, TestApp } from '../support/app';
import { nth } from '../support/defined';

describe('GET /api/audit/events and GET /api/cases (read models over HTTP)', () => {
  let t: TestApp;
  let total = 0;
  const streams = syntheticWorkload(21, 30, 10);

  beforeAll(async () => {
    t = await startTestApp('audit_e2e');
    total = await appendStreams(t.store, streams);
    const adminStore = new PostgresEventStore({ pool: t.db.adminPool, schema: t.db.schema });
    const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
    const runner = new ProjectionRunner({
      pool: t.db.adminPool,
      store: adminStore,
      schema: t.db.schema,
      projections: allProjections(),
      logger: quiet,
    });
    await waitUntilInGlobalOrder(adminStore, total);
    await runner.catchUp();
  });
  afterAll(async () => {
    await t?.close();
  });

  // Response bodies are checked field by field below; `any` keeps those checks short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON answer is untyped on purpose: the expectations below are its check
  const json = (res: Response): Promise<any> => res.json();
  const getJson = async (path: string, user?: string) => json(await get(path, user));
  const get = async (path: string, user = 'inspector') =>
    fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${await t.login(user)}` } });

  it('lists every event in global order with actor, reason, clause and hash, paged', async () => {
    const res = await get('/api/audit/events?pageSize=500');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.total).toBe(total);
    expect(body.items).toHaveLength(Math.min(total, 500));
    const seqs = body.items.map((i: { position: { commit: string; prepare: string } }) => BigInt(i.position.prepare));
    const commits = body.items.map((i: { position: { commit: string } }) => BigInt(i.position.commit));
    for (let i = 1; i < seqs.length; i++)
      expect(commits[i] > commits[i - 1] || (commits[i] === commits[i - 1] && seqs[i] > seqs[i - 1])).toBe(true);
    const rejected = body.items.find((i: { type: string }) => i.type === 'CaseRejected');
    if (rejected)
      expect(rejected).toMatchObject({
        clause: '(七)',
        reason: 'contract shorter than one year',
        actor: { role: 'reviewer' },
      });
    const first = body.items[0];
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);

    const p2 = await getJson('/api/audit/events?page=2&pageSize=7');
    expect(p2.items.map((i: { eventId: string }) => i.eventId)).toEqual(
      body.items.slice(7, 14).map((i: { eventId: string }) => i.eventId),
    );
  });

  it('filters by case, actor, unit, type and time', async () => {
    const aCase = streams.find((s) => s.streamId.startsWith('case-') && s.events.length > 4)!;
    const caseId = aCase.streamId.slice(5);
    const byCase = await getJson(`/api/audit/events?case=${caseId}`);
    expect(byCase.items.map((i: { type: string }) => i.type)).toEqual(aCase.events.map((e) => e.type));

    const actor = nth(aCase.events, 0).actor;
    const byActor = await getJson(`/api/audit/events?actor=${encodeURIComponent(actor.userId)}&pageSize=500`);
    expect(byActor.total).toBeGreaterThan(0);
    expect(byActor.items.every((i: { actor: { userId: string } }) => i.actor.userId === actor.userId)).toBe(true);

    const byUnit = await getJson(`/api/audit/events?unit=FINANCE&type=InstalmentDisbursed&pageSize=500`);
    const expected = streams.flatMap((s) => s.events).filter((e) => e.type === 'InstalmentDisbursed').length;
    expect(byUnit.total).toBe(expected);

    // from/to filter on when the events were written, the database's clock: read it from the store.
    const recorded = (await t.store.readStream(aCase.streamId)).map((e) => e.metadata.recordedAt);
    const from = nth(recorded, 2);
    const to = new Date(Date.parse(nth(recorded, 3)) + 1).toISOString();
    const inWindow = recorded.filter((r) => r >= from && r < to);
    expect(inWindow).toEqual(expect.arrayContaining([nth(recorded, 2), nth(recorded, 3)]));
    const window = await getJson(`/api/audit/events?case=${caseId}&from=${from}&to=${to}`);
    expect(window.items.map((i: { recordedAt: string }) => i.recordedAt)).toEqual(inWindow);

    const household = streams.find((s) => s.streamId.startsWith('household-'))!;
    const byHousehold = await getJson(`/api/audit/events?household=${household.streamId.slice(10)}`);
    expect(byHousehold.total).toBe(household.events.length);
  });

  it('exports CSV and XLSX with every matching row', async () => {
    const aCase = streams.find((s) => s.streamId.startsWith('case-') && s.events.length > 3)!;
    const csv = await get(`/api/audit/events?case=${aCase.streamId.slice(5)}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^global_seq,recorded_at,event_type,stream_id/);
    expect(lines).toHaveLength(aCase.events.length + 1);

    const xlsx = await get('/api/audit/events?format=xlsx&type=CaseSubmitted');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('audit')!;
    expect(ws.getRow(1).getCell(3).value).toBe('event_type');
    expect(ws.rowCount - 1).toBe(streams.filter((s) => s.streamId.startsWith('case-')).length);
    expect(ws.getRow(2).getCell(3).value).toBe('CaseSubmitted');
  });

  it('is closed to caseworkers, finance and street staff (403), and names a bad field (400)', async () => {
    for (const user of ['caseworker', 'finance', 'street.xiyi']) {
      const res = await get('/api/audit/events', user);
      expect(res.status).toBe(403);
      expect((await json(res)).code).toBe('AUDIT_READ_FORBIDDEN');
    }
    for (const user of ['reviewer', 'approver', 'admin'])
      expect((await get('/api/audit/events?pageSize=1', user)).status).toBe(200);
    const bad = await get('/api/audit/events?from=yesterday');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await json(bad))).toContain('from');
    expect((await fetch(`${t.baseUrl}/api/audit/events`)).status).toBe(401);
  });

  it('recordRead writes who read what and why', async () => {
    await recordRead(t.db.adminPool, {
      userId: 'u-inspector',
      role: 'inspector',
      unit: 'DISCIPLINE',
      subjectType: 'household',
      subjectId: 'h-1',
      purpose: 'complaint 2020-17',
    });
    const { rows } = await t.db.adminPool.query(
      'select user_id, subject_type, subject_id, purpose, read_at from audit_reads',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        user_id: 'u-inspector',
        subject_type: 'household',
        subject_id: 'h-1',
        purpose: 'complaint 2020-17',
      }),
    ]);
    expect(rows[0].read_at).toBeInstanceOf(Date);
  });

  it('GET /api/cases pages, sorts and filters the case queue', async () => {
    const cases = streams.filter((s) => s.streamId.startsWith('case-'));
    const allRes = await get('/api/cases?pageSize=100&sort=openedAt', 'reviewer');
    const all = await json(allRes);
    expect([allRes.status, all.detail]).toEqual([200, undefined]);
    expect(all.total).toBe(cases.length);
    const opened = all.items.map((i: { openedAt: string }) => i.openedAt);
    expect([...opened].sort()).toEqual(opened);
    const closed = all.items.filter((i: { state: string }) => i.state === 'closed');
    for (const c of closed) expect(c).toMatchObject({ assignee: null, dueOn: null, overdue: false });

    const review = await getJson('/api/cases?assignee=reviewer&pageSize=100', 'reviewer');
    expect(review.items.every((i: { state: string }) => ['preliminary_review_passed'].includes(i.state))).toBe(true);

    // The synthetic cases ran in 2020: every open step with a due day is overdue today.
    const overdue = await getJson('/api/cases?overdue=true&pageSize=100', 'reviewer');
    const withDue = all.items.filter((i: { dueOn: string | null }) => i.dueOn !== null).length;
    expect(overdue.total).toBe(withDue);
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);

    const page = await getJson('/api/cases?pageSize=5&page=2&sort=-lastEventAt', 'reviewer');
    expect(page.items).toHaveLength(5);
    const byLast = [...all.items].sort(
      (a: { lastEventAt: string; caseId: string }, b: { lastEventAt: string; caseId: string }) =>
        a.lastEventAt === b.lastEventAt ? (a.caseId < b.caseId ? -1 : 1) : a.lastEventAt < b.lastEventAt ? 1 : -1,
    );
    expect(page.items.map((i: { caseId: string }) => i.caseId)).toEqual(
      byLast.slice(5, 10).map((i: { caseId: string }) => i.caseId),
    );

    const xiyi = await getJson('/api/cases?pageSize=100', 'caseworker.xiyi');
    expect(xiyi.items.every((i: { unit: string }) => i.unit === 'STREET_XIYI')).toBe(true);
    expect((await get('/api/cases?unit=STREET_TAIHUA', 'caseworker.xiyi')).status).toBe(403);

    for (const [query, field] of [
      ['pageSize=101', 'pageSize'],
      ['state=open', 'state'],
      ['overdue=maybe', 'overdue'],
      ['sort=colour', 'sort'],
    ]) {
      const res = await get(`/api/cases?${query}`, 'reviewer');
      expect(res.status).toBe(400);
      expect(JSON.stringify(await json(res))).toContain(`"${field}"`);
    }
  });
});
