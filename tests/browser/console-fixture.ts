import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@casework/event-store';
import { ProjectionRunner, allProjections } from '@casework/read-models';
import { seedHouseholds } from '../../apps/cli/src/seed/seed-households';
import { startTestApp, type TestApp } from '../support/app';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumPresent = (): boolean => existsSync(CHROMIUM);

/**
 * Launch flags for a sandbox-less CI container: nothing phones home, nothing is kept. The fresh
 * --user-data-dir comes from launchPersistentContext(dir), which refuses it among the args.
 */
export function chromiumArgs(): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export function freshProfileDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'casework-chromium-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ConsoleApp extends TestApp {
  /** Runs every projection until the read models hold every stored event. */
  project(): Promise<void>;
}

/** The API with the demo households seeded and every projection runnable on demand. */
export async function startConsoleApp(prefix: string): Promise<ConsoleApp> {
  const t = await startTestApp(prefix);
  await seedHouseholds(t.store, { today: '2020-11-16' });
  const adminStore = new PostgresEventStore({ pool: t.db.adminPool, schema: t.db.schema });
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const runner = new ProjectionRunner({
    pool: t.db.adminPool,
    store: adminStore,
    schema: t.db.schema,
    projections: allProjections(),
    logger: quiet,
  });
  const count = async (sql: string) => (await t.db.adminPool.query(sql)).rows[0].n as number;
  async function project() {
    const deadline = Date.now() + 60_000;
    // readAll holds back events while an older transaction anywhere in the cluster is open: repeat until all are in.
    for (;;) {
      await runner.catchUp();
      if (
        (await count('select count(*)::int as n from audit_events')) ===
        (await count('select count(*)::int as n from events'))
      )
        return;
      if (Date.now() > deadline) throw new Error('projections did not catch up within 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await project();
  return Object.assign(t, { project });
}
