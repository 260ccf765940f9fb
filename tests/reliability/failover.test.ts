import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ConcurrencyError, type RecordedEvent } from '@casework/event-store';
import { verifyLedger } from '@casework/ledger';
import { loadConfig, migrateAll, openInfrastructure, type Infrastructure } from '@casework/platform';

// Issue 9 item 7: a primary with a synchronous standby (scripts/ha/cluster.sh), killed in the middle
// of a load; the standby is promoted and the app's own connection code (a multi-host DATABASE_URL)
// finds it by itself. Every acknowledged write must be there, every stream contiguous, the ledger
// must verify and a subscriber (what the projections run on) must go on. FAILOVER_WRITERS and
// FAILOVER_SECONDS raise the load (`npm run test:failover` documents the full run).
const run = promisify(execFile);
const script = join(__dirname, '../../scripts/ha/cluster.sh');
const binaries = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0;
const writers = Number(process.env.FAILOVER_WRITERS ?? 6);
const seconds = Number(process.env.FAILOVER_SECONDS ?? 2);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

(binaries ? describe : describe.skip)(
  binaries ? 'failover to a synchronous standby' : 'failover (skipped: no PostgreSQL server binaries on this machine)',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'casework-ha-'));
    let infra: Infrastructure | undefined;

    beforeAll(async () => {
      const [p1, p2] = [await freePort(), await freePort()];
      await run('bash', [script, 'up', dir, String(p1), String(p2)], { timeout: 120_000 });
      const config = loadConfig({
        DATABASE_URL: `postgres://postgres@127.0.0.1:${p1},127.0.0.1:${p2}/postgres?target_session_attrs=read-write`,
        JWT_SECRET: 'failover-test-secret-failover-test-secret-0123456789',
        SEED_DEMO: 'false',
        INLINE_WORKER: 'false',
        LOG_LEVEL: 'error',
      });
      infra = await openInfrastructure(config);
      await migrateAll(infra);
    }, 180_000);

    afterAll(async () => {
      await infra?.close().catch(() => undefined);
      await run('bash', [script, 'down', dir]).catch(() => undefined);
    });

    it('loses no acknowledged write, reconnects by itself, and the log verifies', async () => {
      const store = infra!.store;
      const acked = new Map<string, number>();
      let phase: 'before' | 'failing' | 'after' = 'before';
      const ackedIn = { before: 0, failing: 0, after: 0 };
      let stop = false;

      const seen = new Set<string>();
      const subscription = store.subscribeToAll({
        batchSize: 500,
        idleMs: 50,
        onBatch: async (events: RecordedEvent[]) => {
          for (const e of events) seen.add(`${e.streamId}#${e.version}`);
        },
        onError: () => undefined,
      });

      async function writer(w: number) {
        const stream = `failover-${w}-${randomUUID()}`;
        let version = 0;
        while (!stop) {
          const commandId = randomUUID();
          // Retry the same command until it is acknowledged: the same command id makes a retry of an
          // append that did commit (its answer lost in the crash) a duplicate, not a second event.
          for (;;) {
            try {
              const r = await store.append(stream, [{ type: 'Tick', data: { w, n: version + 1 } }], version, {
                commandId,
                correlationId: commandId,
                actor: { userId: 'load', role: 'caseworker', unit: 'DISTRICT_HRSS' },
              });
              version = r.lastVersion;
              acked.set(stream, version);
              ackedIn[phase]++;
              break;
            } catch (err) {
              if (err instanceof ConcurrencyError) throw err;
              await sleep(100);
            }
          }
        }
      }

      const load = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
      await sleep(seconds * 1000);
      phase = 'failing';
      await run('bash', [script, 'kill-primary', dir]);
      await run('bash', [script, 'promote', dir]);
      phase = 'after';
      await sleep(seconds * 1000);
      stop = true;
      await load;

      expect(ackedIn.before).toBeGreaterThan(0);
      expect(ackedIn.after).toBeGreaterThan(0);

      // Every acknowledged write is on the promoted standby, each stream contiguous from 1.
      for (const [stream, version] of acked) {
        const events = await store.readStream(stream);
        expect(events.map((e) => e.version)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
        expect(events.length).toBeGreaterThanOrEqual(version);
      }

      // The subscriber went on across the failover and has every event of the log.
      const all = await store.readAll({ maxCount: 1_000_000 });
      for (let i = 0; i < 200 && all.some((e) => !seen.has(`${e.streamId}#${e.version}`)); i++) await sleep(50);
      expect(all.filter((e) => !seen.has(`${e.streamId}#${e.version}`))).toEqual([]);
      await subscription.stop();

      const verdict = await verifyLedger(store);
      expect(verdict.ok).toBe(true);
    }, 180_000);
  },
);
