import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { comparePositions } from '@casework/event-store';
import { allProjections, readCheckpoints, rebuildProjection, syntheticWorkload } from '@casework/read-models';
import { adminUrl } from '../support/db';
import { appendStreams, createProjectionSchema, ProjectionSchema, readModelSnapshot } from './projection-fixture';

const ROOT = resolve(__dirname, '../..');
// A private build, so a teammate's `npm run build` (which empties dist/) cannot pull it away mid-test.
const OUT = join(ROOT, 'node_modules/.cache/casework-reliability', `worker-${process.pid}`);
const WORKER = join(OUT, 'apps/worker/src/main.js');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('worker killed with SIGKILL in the middle of its batches', () => {
  let db: ProjectionSchema;
  let child: ChildProcess | null = null;
  let output = '';

  beforeAll(async () => {
    execFileSync(
      join(ROOT, 'node_modules/.bin/swc'),
      ['apps', 'libs', '-d', OUT, '--copy-files', '--only', '**/*.ts', '--ignore', '**/*.spec.ts', '-q'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (!existsSync(WORKER)) throw new Error(`build did not produce ${WORKER}`);
    db = await createProjectionSchema('worker_crash');
  }, 120_000);
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await db?.drop();
    rmSync(OUT, { recursive: true, force: true });
  });

  const startWorker = () => {
    mkdirSync(OUT, { recursive: true });
    const proc = spawn(process.execPath, [WORKER], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: adminUrl(),
        DATABASE_SCHEMA: db.schema,
        JWT_SECRET: 'worker-crash-test-secret-0123456789abcdef',
        PROJECTION_BATCH_SIZE: '97',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    return proc;
  };
  const kill = async (proc: ChildProcess, signal: NodeJS.Signals) => {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill(signal);
    await exited;
  };
  const count = async () => Number((await db.adminPool.query('select count(*) from audit_events')).rows[0].count);

  /** Each read model holds exactly the events up to its checkpoint: nothing beyond, nothing missing. */
  const expectConsistentWithCheckpoints = async () => {
    const checkpoints = await readCheckpoints(db.adminPool, db.schema);
    const audit = checkpoints.get('audit-trail')!.position;
    const events = await db.store.readAll({ maxCount: 1_000_000 });
    const upTo = events
      .filter((e) => comparePositions(e.position, audit) <= 0)
      .map((e) => e.metadata.eventId)
      .sort();
    const { rows } = await db.adminPool.query('select event_id from audit_events order by event_id');
    expect(rows.map((r) => r.event_id)).toEqual(upTo);
    const queue = checkpoints.get('case-queue')!.position;
    const { rows: versions } = await db.adminPool.query('select stream_id, version from case_queue');
    const expected = new Map<string, number>();
    for (const e of events)
      if (e.streamId.startsWith('case-') && comparePositions(e.position, queue) <= 0)
        expected.set(e.streamId, e.version);
    expect(new Map(versions.map((r) => [r.stream_id, r.version]))).toEqual(expected);
  };

  it('restarts where it stopped: the read models equal a fresh rebuild and hold every event once', async () => {
    const streams = syntheticWorkload(99, 300, 100);
    const half = Math.floor(streams.length / 2);
    const firstHalf = await appendStreams(db.store, streams.slice(0, half), 16);

    // Kill it three times at different depths while more events keep arriving.
    const writers = appendStreams(db.store, streams.slice(half), 4);
    for (const fraction of [0.15, 0.4, 0.7]) {
      child = startWorker();
      const target = Math.floor(firstHalf * fraction);
      await waitFor(`the worker to project ${target} events`, async () => (await count()) >= target);
      await kill(child, 'SIGKILL');
      await expectConsistentWithCheckpoints();
    }
    const total = firstHalf + (await writers);

    child = startWorker();
    await waitFor('the worker to catch up', async () => (await count()) === total, 90_000);
    await sleep(200);
    await kill(child, 'SIGTERM');
    expect(child.exitCode).toBe(0);
    expect(output).not.toMatch(/blocked at event/);
    await expectConsistentWithCheckpoints();

    const live = await readModelSnapshot(db.adminPool, db.schema);
    expect(live.audit).toHaveLength(total);
    for (const projection of allProjections()) {
      await rebuildProjection({ pool: db.adminPool, store: db.store, schema: db.schema, projection });
    }
    expect(await readModelSnapshot(db.adminPool, db.schema)).toEqual(live);
  }, 240_000);
});
