import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD, seedIdentity } from '@casework/identity';
import { createDataSource } from '@casework/platform';
import { makeResidentId } from '@casework/policy';
import { sampleApplication } from '../../apps/cli/src/seed/sample-applications';
import { adminUrl, createTestSchema } from '../support/db';

/**
 * HTTP throughput of the API (issue 9 item 5): the built process (`node dist/apps/api/src/main.js`,
 * projection worker inline, as `npm start` runs it) on a fresh schema of the real PostgreSQL, driven
 * from this process over keep-alive connections with per-request headers. In one run: a route of
 * the same app that touches no database (GET /health/live) as the baseline, then opening cases,
 * a workflow command with If-Match (accept), and reading a case, each at BENCH_CONNECTIONS (32).
 *
 *   npm run bench:http                          BENCH_SECONDS (default 10) per phase
 *   BENCH_CPU_PROF=1 npm run bench:http         also profiles the API (--cpu-prof) and prints its top frames
 *   BENCH_DATABASE_URL=postgres://…             another server (an admin role: it creates a schema)
 */

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PROFILE = process.env.BENCH_CPU_PROF === '1';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? adminUrl();

interface Answer {
  status: number;
  etag: string | undefined;
  body: string;
}

interface Phase {
  name: string;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  unexpected: Map<number, number>;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
let port = 0;

function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((res, rej) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: body
          ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
          : headers,
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () =>
          res({ status: r.statusCode ?? 0, etag: r.headers.etag, body: Buffer.concat(chunks).toString('utf8') }),
        );
        r.on('error', rej);
      },
    );
    req.on('error', rej);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) : 0;

/**
 * CONNECTIONS loops, each sending the next request as soon as its last answer is in, for SECONDS
 * or until `next` has nothing left. Only answers with `expected` status count as done.
 */
async function drive(
  name: string,
  expected: number,
  next: () => { method: string; path: string; headers: Record<string, string>; body?: string } | null,
  onAnswer: (a: Answer) => void = () => undefined,
  seconds = SECONDS,
): Promise<Phase> {
  const latencies: number[] = [];
  const unexpected = new Map<number, number>();
  const started = process.hrtime.bigint();
  const until = started + BigInt(Math.round(seconds * 1e9));
  const loop = async () => {
    while (process.hrtime.bigint() < until) {
      const r = next();
      if (!r) return;
      const t0 = process.hrtime.bigint();
      const a = await send(r.method, r.path, r.headers, r.body);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (a.status === expected) {
        latencies.push(ms);
        onAnswer(a);
      } else unexpected.set(a.status, (unexpected.get(a.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    unexpected,
  };
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port: p } = srv.address() as { port: number };
      srv.close(() => res(p));
    });
  });
}

async function waitUntilUp(p: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (p.exitCode !== null) throw new Error(`the API exited (${p.exitCode}):\n${output()}`);
    try {
      if ((await send('GET', '/health/live', {})).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the API never came up:\n${output()}`);
}

/** A person no other request of this run applies for: a birth date and a sequence number of their own. */
function person(i: number): string {
  const day = new Date(Date.UTC(1980, 0, 1) + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10);
  return makeResidentId('610102', day, i % 1000);
}

function application(i: number): string {
  const app = sampleApplication('STARTUP_ONE_OFF', 1);
  const idNumber = person(i);
  const founder = (app.facts.founder ?? {}) as Record<string, unknown>;
  return JSON.stringify({
    ...app,
    beneficiary: { ...app.beneficiary, idNumber },
    facts: { ...app.facts, founder: { ...founder, idNumber } },
  });
}

/** The functions with the most self time in a .cpuprofile, as "self% function (file:line)". */
function topFrames(file: string, n: number): string[] {
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url
      ? `${frame.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '')}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, count]) => `${((100 * count) / total).toFixed(1).padStart(5)}%  ${key}`);
}

function print(p: Phase, baseline: number | null): void {
  const extra = [...p.unexpected].map(([s, c]) => `${c}×${s}`).join(' ');
  process.stdout.write(
    `${p.name.padEnd(28)} ${String(p.requests).padStart(7)} req in ${p.seconds.toFixed(1)} s  ` +
      `${p.perSecond.toFixed(0).padStart(6)} req/s  p50 ${p.p50.toFixed(1)} ms  p99 ${p.p99.toFixed(1)} ms` +
      `${baseline ? `  ratio ${(p.perSecond / baseline).toFixed(3)}` : ''}${extra ? `  other answers: ${extra}` : ''}\n`,
  );
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run it through npm run bench:http (which builds)`);
  process.env.TEST_DATABASE_URL_ADMIN = DATABASE_URL;
  const db = await createTestSchema('bench_http');
  const dataSource = createDataSource(DATABASE_URL, db.schema, false);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await seedIdentity(dataSource);
  await dataSource.destroy();

  port = await freePort();
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'casework-http-prof-')) : null;
  const args = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, MAIN] : [MAIN];
  let output = '';
  const api = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL,
      DATABASE_SCHEMA: db.schema,
      JWT_SECRET: randomBytes(32).toString('base64'),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout.on('data', (d) => (output += d));
  api.stderr.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => api.once('exit', () => r()));
  try {
    await waitUntilUp(api, () => output);
    const token = async (username: string) => {
      const a = await send('POST', '/api/auth/login', {}, JSON.stringify({ username, password: DEMO_PASSWORD }));
      if (a.status !== 200) throw new Error(`login ${username}: ${a.status} ${a.body}`);
      return `Bearer ${(JSON.parse(a.body) as { accessToken: string }).accessToken}`;
    };
    const opener = await token('caseworker');
    const accepter = await token('caseworker2');
    process.stdout.write(
      `HTTP bench: ${CONNECTIONS} connections, ${SECONDS} s a phase, API pid ${api.pid} on PostgreSQL ` +
        `${DATABASE_URL.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@')} schema ${db.schema}` +
        `${PROFILE ? ' (profiling: --cpu-prof)' : ''}\n`,
    );

    // Warm-up (not counted): the JIT, the pools, the guard's user check.
    await drive('warm-up', 200, () => ({ method: 'GET', path: '/health/live', headers: {} }), undefined, 2);
    let warm = 0;
    await drive(
      'warm-up',
      201,
      () => ({
        method: 'POST',
        path: '/api/cases',
        headers: { authorization: opener },
        body: application(900_000 + warm++),
      }),
      undefined,
      2,
    );

    const baseline = await drive('baseline GET /health/live', 200, () => ({
      method: 'GET',
      path: '/health/live',
      headers: {},
    }));
    print(baseline, null);

    const opened: string[] = [];
    let n = 0;
    const open = await drive(
      'open case POST /api/cases',
      201,
      () => ({
        method: 'POST',
        path: '/api/cases',
        headers: { authorization: opener, 'idempotency-key': randomUUID() },
        body: application(n++),
      }),
      (a) => opened.push(JSON.parse(a.body).id as string),
    );
    print(open, baseline.perSecond);

    let k = 0;
    const accept = await drive('accept (If-Match)', 200, () => {
      const id = opened[k++];
      return id === undefined
        ? null
        : {
            method: 'POST',
            path: `/api/cases/${id}/accept`,
            headers: { authorization: accepter, 'if-match': 'W/"1"', 'idempotency-key': randomUUID() },
            body: '{}',
          };
    });
    print(accept, baseline.perSecond);

    let r = 0;
    const read = await drive('read GET /api/cases/:id', 200, () => ({
      method: 'GET',
      path: `/api/cases/${opened[r++ % opened.length] ?? ''}`,
      headers: { authorization: opener },
    }));
    print(read, baseline.perSecond);

    const commands = (open.requests + accept.requests) / (open.seconds + accept.seconds);
    const p99 = Math.max(open.p99, accept.p99);
    process.stdout.write(
      `http_cmd_per_s=${commands.toFixed(0)} http_read_per_s=${read.perSecond.toFixed(0)} ` +
        `baseline_per_s=${baseline.perSecond.toFixed(0)} cmd_ratio=${(commands / baseline.perSecond).toFixed(3)} ` +
        `p99_ms=${p99.toFixed(1)}\n`,
    );
  } finally {
    agent.destroy();
    api.kill('SIGTERM');
    await exited;
    await db.drop();
  }
  if (profileDir) {
    const [file] = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile was written in ${profileDir}`);
    process.stdout.write(`CPU profile of the API: ${join(profileDir, file)}\nTop frames by self time:\n`);
    for (const line of topFrames(join(profileDir, file), 20)) process.stdout.write(`  ${line}\n`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
