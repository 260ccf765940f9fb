import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { foldCase, type CaseEvent, type CaseState } from '@casework/domain';
import { PostgresEventStore, type RecordedEvent } from '@casework/event-store';
import { DEMO_PASSWORD, seedIdentity } from '@casework/identity';
import { createDataSource } from '@casework/platform';
import { sampleApplication, syntheticPerson } from '../../apps/cli/src/seed/sample-applications';
import { adminUrl, createTestSchema, type TestSchema } from '../support/db';

/**
 * Issue 9 item 1: the real built API on the real PostgreSQL, killed with SIGKILL at a random moment
 * while concurrent clients open cases for a few people (so their benefit reservations race) and
 * accept, reject, withdraw and reopen them; then restarted, again and again. Every 2xx answer is
 * recorded. Afterwards the log must hold every acknowledged write, every stream must be contiguous,
 * no reservation may be held by a case that does not exist or has ended, every live case must hold
 * its reservation, and each person can apply again exactly when the policy says so.
 *
 * KILL_CYCLES sets the number of cycles (default 6); `npm run test:kill-loop` runs 50.
 */
const ROOT = resolve(__dirname, '../..');
// A private build, so a teammate's `npm run build` (which empties dist/) cannot pull it away mid-test.
const OUT = join(ROOT, 'node_modules/.cache/casework-kill-loop', `api-${process.pid}`);
const MAIN = join(OUT, 'apps/api/src/main.js');
const CYCLES = Number(process.env.KILL_CYCLES ?? 6);
const CLIENTS = Number(process.env.KILL_CLIENTS ?? 12);
/** Few people for many clients: most applications race for a reservation someone else holds or takes. */
const PEOPLE = Array.from({ length: 6 }, (_, i) => 7100 + i);
const PROGRAMME = 'STARTUP_ONE_OFF';
const LIVE: readonly string[] = ['submitted', 'returned_for_supplement', 'accepted'];
const ENDED: readonly string[] = ['rejected', 'withdrawn'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo));
const chance = (p: number) => Math.random() < p;

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

/** A 2xx answer: the case, the version its ETag gave, and the event that version must be. */
interface Ack {
  caseId: string;
  version: number;
  event: CaseEvent['type'];
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  version: number | null;
}

const EVENT_OF: Record<string, CaseEvent['type']> = {
  accept: 'CaseAccepted',
  reject: 'CaseRejected',
  withdraw: 'CaseWithdrawn',
  reopen: 'CaseReopened',
};

describe('kill -9 loop: the API killed at random moments under concurrent load', () => {
  let db: TestSchema;
  const jwtSecret = randomBytes(32).toString('base64');
  let proc: ChildProcess | null = null;
  let port = 0;
  let output = '';
  const tokens = new Map<string, string>();
  const acks: Ack[] = [];
  const statuses = new Map<string, number>();
  /** Opening requests with a key that got no answer (the process died): sent again after the restart. */
  const unanswered: { key: string; person: number }[] = [];

  beforeAll(async () => {
    execFileSync(
      join(ROOT, 'node_modules/.bin/swc'),
      ['apps', 'libs', '-d', OUT, '--copy-files', '--only', '**/*.ts', '--ignore', '**/*.spec.ts', '-q'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (!existsSync(MAIN)) throw new Error(`build did not produce ${MAIN}`);
    db = await createTestSchema('kill_loop');
    // The users the clients sign in as; the process migrates the rest itself on every start.
    const dataSource = createDataSource(adminUrl(), db.schema, false);
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await seedIdentity(dataSource);
    await dataSource.destroy();
  }, 180_000);

  afterAll(async () => {
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    rmSync(OUT, { recursive: true, force: true });
    await db?.drop();
  });

  function start(): ChildProcess {
    output = '';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: adminUrl(),
      DATABASE_SCHEMA: db.schema,
      JWT_SECRET: jwtSecret,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    };
    const p = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout.on('data', (d) => (output += d));
    p.stderr.on('data', (d) => (output += d));
    proc = p;
    return p;
  }

  async function kill(p: ChildProcess): Promise<void> {
    if (p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  }

  async function waitUntilUp(p: ChildProcess): Promise<void> {
    const until = Date.now() + 170_000;
    for (;;) {
      if (p.exitCode !== null) throw new Error(`exited early (${p.exitCode}):\n${output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`never came up:\n${output}`);
      await sleep(100);
    }
  }

  /** One request; null when the process died under it (no answer at all). */
  async function call(
    method: string,
    path: string,
    user: string,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<Answer | null> {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens.get(user)}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      const etag = /^W\/"(\d+)"$/.exec(res.headers.get('etag') ?? '');
      statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
      if (res.status >= 500) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return {
        status: res.status,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        version: etag?.[1] ? Number(etag[1]) : null,
      };
    } catch (e) {
      if ((e as Error).message.startsWith(`${method} ${path}:`)) throw e;
      return null;
    }
  }

  const open = (person: number, key?: string) =>
    call(
      'POST',
      '/api/cases',
      'caseworker',
      sampleApplication(PROGRAMME, person),
      key ? { 'idempotency-key': key } : {},
    );

  /** A workflow command with If-Match; the 2xx is recorded with the version its ETag gives. */
  async function command(caseId: string, version: number, route: string, user: string, body: object) {
    const r = await call('POST', `/api/cases/${caseId}/${route}`, user, body, { 'if-match': `W/"${version}"` });
    if (r && r.status === 200 && r.version !== null) acks.push({ caseId, version: r.version, event: EVENT_OF[route]! });
    return r;
  }

  /** A client: applications for random people, then one of the workflow paths; ends when the process dies. */
  async function client(cycle: number, stopped: () => boolean): Promise<void> {
    while (!stopped()) {
      const person = PEOPLE[between(0, PEOPLE.length)]!;
      const key = chance(0.5) ? `kill-loop-${cycle}-${randomUUID()}` : undefined;
      const opened = await open(person, key);
      if (!opened) {
        if (key) unanswered.push({ key, person });
        return;
      }
      if (opened.status === 409 && opened.body.code === 'DUPLICATE_BENEFIT') {
        // Someone holds it: withdraw the holder (racing the others who saw the same holder).
        const holder = String(opened.body.heldBy);
        const seen = await call('GET', `/api/cases/${holder}`, 'caseworker');
        if (!seen) return;
        if (seen.status === 200 && seen.version !== null && chance(0.5))
          if (!(await command(holder, seen.version, 'withdraw', 'caseworker', { reason: '申请人撤回' }))) return;
        continue;
      }
      if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
      const caseId = String(opened.body.id);
      let version = opened.version!;
      acks.push({ caseId, version, event: 'CaseSubmitted' });
      const path: [string, string, object][] = chance(0.3)
        ? [['withdraw', 'caseworker', { reason: '申请人撤回' }]]
        : [
            ['accept', 'caseworker2', {}],
            ...(chance(0.6)
              ? ([
                  ['reject', 'reviewer', { clause: '(八)', reason: '项目不符合条件' }],
                  ...(chance(0.5)
                    ? [['reopen', 'reviewer', { reason: '复核后重新办理' }] as [string, string, object]]
                    : []),
                ] as [string, string, object][])
              : chance(0.5)
                ? ([['withdraw', 'caseworker', { reason: '申请人撤回' }]] as [string, string, object][])
                : []),
          ];
      for (const [route, user, body] of path) {
        const r = await command(caseId, version, route, user, body);
        if (!r) return;
        if (r.status !== 200) break; // 412 (someone withdrew it first) or 409 (reopen: slot taken again)
        version = r.version!;
      }
    }
  }

  it(`loses no acknowledged write and leaves no orphan reservation over ${CYCLES} kills`, async () => {
    port = await freePort();
    let killedUnderLoad = 0;
    let killedStarting = 0;
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const p = start();
      if (cycle > 1 && chance(0.15)) {
        // Now and then the kill lands while it starts: migrations, the worker, the listener.
        await sleep(between(50, 1500));
        await kill(p);
        killedStarting++;
        continue;
      }
      await waitUntilUp(p);
      if (tokens.size === 0)
        for (const user of ['caseworker', 'caseworker2', 'reviewer']) {
          const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: user, password: DEMO_PASSWORD }),
          });
          expect(res.status).toBe(200);
          tokens.set(user, ((await res.json()) as { accessToken: string }).accessToken);
        }
      // Applications whose answer the last kill swallowed are sent again with their key: the first
      // answer if the case was recorded, otherwise a new decision. Never a second case.
      for (const { key, person } of unanswered.splice(0)) {
        const r = await open(person, key);
        if (r?.status === 201) acks.push({ caseId: String(r.body.id), version: r.version!, event: 'CaseSubmitted' });
        else if (r) expect(r.body.code).toBe('DUPLICATE_BENEFIT');
      }
      let stopped = false;
      const load = Promise.all(Array.from({ length: CLIENTS }, () => client(cycle, () => stopped)));
      await sleep(between(300, 4000));
      await kill(p);
      killedUnderLoad++;
      stopped = true;
      await load;
    }

    // The last start: nothing kills it; the checks run on what the kills left.
    const last = start();
    await waitUntilUp(last);

    const store = new PostgresEventStore({ pool: db.adminPool, schema: db.schema });
    const all = await store.readAll({ maxCount: 10_000_000 });
    const streams = new Map<string, RecordedEvent[]>();
    for (const e of all) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
    const caseOf = (id: string) => streams.get(`case-${id}`);
    const stateOf = (id: string): CaseState | null => {
      const events = caseOf(id);
      return events ? foldCase(events.map((e) => ({ type: e.type, data: e.data }) as CaseEvent)) : null;
    };

    // Every stream contiguous: versions 1..n, in order.
    const gaps = [...streams].filter(([, es]) => es.some((e, i) => e.version !== i + 1)).map(([id]) => id);
    expect(gaps).toEqual([]);

    // No lost acknowledged write: each 2xx's version is in its case's stream, as the event it answered.
    const lost = acks.filter((a) => caseOf(a.caseId)?.[a.version - 1]?.type !== a.event);
    expect(lost).toEqual([]);

    // No orphan reservation: a slot held by a case that does not exist or has ended.
    const holders = new Map<string, string>();
    const orphans: string[] = [];
    for (const [id, es] of streams) {
      if (!id.startsWith('reservation-')) continue;
      const lastEvent = es.at(-1)!;
      if (lastEvent.type !== 'BenefitReserved') continue;
      const caseId = String((lastEvent.data as { caseId: string }).caseId);
      holders.set(caseId, id);
      const state = stateOf(caseId);
      if (!state || ENDED.includes(state.status))
        orphans.push(`${id} held by ${caseId} (${state?.status ?? 'no case'})`);
    }
    expect(orphans).toEqual([]);

    // And the other way round: every live case holds its reservation; at most one live case a person.
    const livePerPerson = new Map<string, string[]>();
    const unreserved: string[] = [];
    for (const [id] of streams) {
      if (!id.startsWith('case-')) continue;
      const state = stateOf(id.slice('case-'.length))!;
      if (state.status === 'none' || !LIVE.includes(state.status)) continue;
      if (!holders.has(state.caseId)) unreserved.push(`${state.caseId} (${state.status})`);
      const person = String((state.beneficiary as { idNumber?: string }).idNumber);
      livePerPerson.set(person, [...(livePerPerson.get(person) ?? []), state.caseId]);
    }
    expect(unreserved).toEqual([]);
    expect([...livePerPerson].filter(([, ids]) => ids.length > 1)).toEqual([]);

    // Each person can apply again exactly when the policy says: while a case holds the benefit a new
    // application is a 409 naming it; once that case is withdrawn (or was rejected), a 201.
    for (const n of PEOPLE) {
      const [holder] = livePerPerson.get(syntheticPerson(n).idNumber) ?? [];
      if (holder) {
        const refused = await open(n);
        expect({ n, status: refused?.status, body: refused?.body }).toMatchObject({
          n,
          status: 409,
          body: { code: 'DUPLICATE_BENEFIT', heldBy: holder },
        });
        const version = caseOf(holder)!.length;
        expect((await command(holder, version, 'withdraw', 'caseworker', { reason: '申请人撤回' }))?.status).toBe(200);
      }
      const again = await open(n);
      expect({ n, status: again?.status }).toEqual({ n, status: 201 });
      // And now that one holds it.
      const second = await open(n);
      expect({ n, status: second?.status, heldBy: second?.body.heldBy }).toEqual({
        n,
        status: 409,
        heldBy: again?.body.id,
      });
    }

    const opened = acks.filter((a) => a.event === 'CaseSubmitted').length;
    const figures =
      `kill_cycles=${CYCLES} killed_under_load=${killedUnderLoad} killed_starting=${killedStarting} ` +
      `acked=${acks.length} acked_opened=${opened} events=${all.length} streams=${streams.size} ` +
      `reservations_held=${holders.size} orphans=${orphans.length} lost=${lost.length} ` +
      `statuses=${JSON.stringify(Object.fromEntries(statuses))}`;
    process.stdout.write(`${figures}\n`);
    // The load did reach the decisions under test.
    expect(killedUnderLoad).toBeGreaterThan(0);
    expect(opened).toBeGreaterThan(0);
    expect(acks.some((a) => a.event === 'CaseWithdrawn')).toBe(true);

    last.kill('SIGTERM');
    await new Promise((r) => last.once('exit', r));
  }, 3_600_000);
});
