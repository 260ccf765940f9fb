import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The real built process on the embedded database in a temporary DATA_DIR (issue 9 item 4):
 * SIGTERM and SIGINT, also sent to `npm start`, stop it cleanly with no process left behind, and a
 * second start on the same data directory refuses at once, before it opens, seeds or listens.
 */
const ROOT = resolve(__dirname, '../..');
// A private build, so a teammate's `npm run build` (which empties dist/) cannot pull it away mid-test.
const OUT = join(ROOT, 'node_modules/.cache/casework-lifecycle', `api-${process.pid}`);
const MAIN = join(OUT, 'apps/api/src/main.js');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch (e) {
    // ps exits 1 when it lists nothing.
    if ((e as { status?: number }).status === 1) return [];
    throw e;
  }
};

interface Running {
  proc: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe('process lifecycle of the API on the embedded database', () => {
  let dataDir: string;
  const started: ChildProcess[] = [];

  beforeAll(() => {
    execFileSync(
      join(ROOT, 'node_modules/.bin/swc'),
      ['apps', 'libs', '-d', OUT, '--copy-files', '--only', '**/*.ts', '--ignore', '**/*.spec.ts', '-q'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (!existsSync(MAIN)) throw new Error(`build did not produce ${MAIN}`);
    dataDir = mkdtempSync(join(tmpdir(), 'casework-lifecycle-'));
  }, 180_000);
  // A test that failed half-way must not leave its process (and its lock) to the next one.
  afterEach(async () => {
    for (const p of started)
      if (p.exitCode === null && p.signalCode === null) {
        const exited = new Promise((r) => p.once('exit', r));
        p.kill('SIGKILL');
        await exited;
      }
  });
  afterAll(() => {
    for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    rmSync(OUT, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  function start(command: string, args: string[], port: number, extraEnv: Record<string, string> = {}): Running {
    let output = '';
    const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, DATA_DIR: dataDir, PORT: String(port) };
    for (const k of ['DATABASE_URL', 'JWT_SECRET', 'HOST', 'DATABASE_SCHEMA']) delete env[k];
    Object.assign(env, { SEED_DEMO: 'false', LOG_LEVEL: 'log', CASEWORK_DIST: OUT });
    const proc = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(proc);
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
      proc.once('exit', (code, signal) => r({ code, signal })),
    );
    return { proc, port, output: () => output, exited };
  }

  async function waitUntilUp(r: Running): Promise<void> {
    const until = Date.now() + 170_000;
    for (;;) {
      if (r.proc.exitCode !== null) throw new Error(`exited early (${r.proc.exitCode}):\n${r.output()}`);
      try {
        const res = await fetch(`http://127.0.0.1:${r.port}/health`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`never came up:\n${r.output()}`);
      await sleep(250);
    }
  }

  /** Until the pid is gone (the OS may take a moment after the parent saw the exit). */
  async function gone(pid: number): Promise<boolean> {
    for (let i = 0; i < 200 && alive(pid); i++) await sleep(50);
    return !alive(pid);
  }

  it('SIGTERM: in-flight requests answered, stops cleanly (exit 0), releases the lock, leaves no process', async () => {
    const api = start(process.execPath, [MAIN], await freePort());
    await waitUntilUp(api);
    const lock = join(dataDir, 'casework.lock');
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(api.proc.pid));
    expect(childrenOf(api.proc.pid!)).toEqual([]);
    // A request sent before the signal gets its full answer.
    const inFlight = fetch(`http://127.0.0.1:${api.port}/docs-json`).then(async (r) => ({
      status: r.status,
      paths: Object.keys(((await r.json()) as { paths: object }).paths).length,
    }));
    await sleep(5);
    api.proc.kill('SIGTERM');
    expect(await inFlight).toEqual({ status: 200, paths: expect.any(Number) });
    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.output()).toContain('SIGTERM received, shutting down');
    expect(api.output()).toContain('stopped');
    expect(existsSync(lock)).toBe(false);
    expect(await gone(api.proc.pid!)).toBe(true);
  }, 240_000);

  it('a second start on the same data directory refuses at once, before opening, seeding or listening', async () => {
    const first = start(process.execPath, [MAIN], await freePort());
    await waitUntilUp(first);
    try {
      const secondPort = await freePort();
      const second = start(process.execPath, [MAIN], secondPort, { SEED_DEMO: 'true' });
      expect(await second.exited).toEqual({ code: 3, signal: null });
      const out = second.output();
      expect(out).toContain(`数据目录 ${dataDir} 已被另一个 Casework 进程（pid ${first.proc.pid}）使用`);
      expect(out).toContain('DATA_DIR');
      expect(out).not.toMatch(/Using the embedded|seed|Mapped|listening|projections running/i);
      await expect(fetch(`http://127.0.0.1:${secondPort}/health`)).rejects.toThrow();
      // The first one is untouched and still serves.
      expect((await fetch(`http://127.0.0.1:${first.port}/health`)).status).toBe(200);
      expect(readFileSync(join(dataDir, 'casework.lock'), 'utf8').trim()).toBe(String(first.proc.pid));
      // The same port is refused at once too, with its own message.
      const samePort = start(process.execPath, [MAIN], first.port);
      expect(await samePort.exited).toEqual({ code: 3, signal: null });
      expect(samePort.output()).toContain(`端口 127.0.0.1:${first.port} 已被占用`);
    } finally {
      first.proc.kill('SIGINT');
      expect(await first.exited).toEqual({ code: 0, signal: null });
      expect(first.output()).toContain('SIGINT received, shutting down');
    }
  }, 240_000);

  it('a lock left by a dead process is taken over', async () => {
    // A pid that no longer runs: a finished child's.
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.once('exit', r));
    await gone(dead.pid!);
    writeFileSync(join(dataDir, 'casework.lock'), `${dead.pid}\n`);
    const api = start(process.execPath, [MAIN], await freePort());
    await waitUntilUp(api);
    expect(api.output()).toContain(`pid ${dead.pid}`);
    api.proc.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });
  }, 240_000);

  it('npm start: SIGTERM to npm stops the app too (npm execs node, which gets the signal); nothing is left', async () => {
    const npm = start('npm', ['start', '--silent'], await freePort());
    await waitUntilUp(npm);
    const [app] = childrenOf(npm.proc.pid!);
    expect(app).toBeGreaterThan(0);
    if (app === undefined) throw new Error('npm started no child process');
    // The app runs in that one node process: it has no children of its own (no shell, no second node).
    expect(childrenOf(app)).toEqual([]);
    expect(execFileSync('ps', ['-o', 'args=', '-p', String(app)], { encoding: 'utf8' })).toMatch(
      /^node .*scripts\/start\.js/,
    );
    npm.proc.kill('SIGTERM');
    await npm.exited;
    expect(await gone(app)).toBe(true);
    expect(npm.output()).toContain('SIGTERM received, shutting down');
    expect(npm.output()).toContain('stopped');
    expect(existsSync(join(dataDir, 'casework.lock'))).toBe(false);
  }, 240_000);
});
