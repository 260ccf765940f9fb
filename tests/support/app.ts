import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type EventStore } from '@casework/event-store';
import { DEMO_PASSWORD, seedIdentity } from '@casework/identity';
import { eventSignerOf, writeNewKeyFile } from '@casework/ledger';
import { createDataSource, loadConfig, type AppConfig } from '@casework/platform';
import { createApp } from '../../apps/api/src/create-app';
import { loadLogSigner } from '../../apps/worker/src/log-signer';
import { grantReadModelAccess } from '@casework/read-models';
import { APP_ROLE, adminUrl, appUrl, createTestSchema, type TestSchema } from './db';

export const TEST_START = '2020-11-16T02:00:00.000Z';

/** A clock the test sets: the policy's windows and the working-day calendar are 2020-2021. */
export class TestClock {
  private ms = Date.parse(TEST_START);
  now = (): Date => new Date(this.ms);
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advanceDays(days: number): void {
    this.ms += days * 86_400_000;
  }
  advanceSeconds(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface TestApp {
  app: INestApplication;
  server: Server;
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  config: AppConfig;
  db: TestSchema;
  store: EventStore;
  dataSource: DataSource;
  /** The API's clock: starts at TEST_START and only moves when a test moves it. */
  clock: TestClock;
  /**
   * A bearer token for a demo account (password DEMO_PASSWORD); cached per username while the
   * test clock is within 20 minutes of its sign-in (sessions end after 30 idle minutes of the
   * API's clock, so a test that moves the clock by days gets a fresh session).
   */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The API on a fresh schema of the real PostgreSQL: event store migrated (as admin), TypeORM
 * migrations run, demo users seeded, listening on an ephemeral port. The event store writes as
 * the restricted app role; TypeORM (users, read models) connects as the admin for simplicity.
 * The store signs with the log's key as the API's does: a key generated for this app unless
 * extraEnv names LEDGER_KEY_FILE.
 */
export async function startTestApp(prefix = 'e2e', extraEnv: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const db = await createTestSchema(prefix);
  const keyDir = mkdtempSync(join(tmpdir(), 'casework-key-'));
  const keyFile = join(keyDir, 'log.pem');
  writeNewKeyFile(keyFile);
  const config = loadConfig({
    LEDGER_KEY_FILE: keyFile,
    DATA_DIR: keyDir,
    DATABASE_URL: appUrl(),
    DATABASE_SCHEMA: db.schema,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    SEED_DEMO: 'false',
    INLINE_WORKER: 'false',
    LOG_LEVEL: 'error',
    ...extraEnv,
  });
  const dataSource = createDataSource(adminUrl(), db.schema, false);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await grantReadModelAccess(db.adminPool, db.schema, APP_ROLE);
  await seedIdentity(dataSource);
  const store = new PostgresEventStore({
    pool: db.appPool,
    schema: db.schema,
    signer: eventSignerOf(loadLogSigner(config)),
  });
  const clock = new TestClock();
  const app = await createApp({ infra: { config, pool: db.appPool, store, dataSource }, clock }, false);
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, { token: Promise<string>; at: number }>();
  const REUSE_WITHIN_MS = 20 * 60_000;

  async function fetchToken(username: string): Promise<string> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  return {
    app,
    server,
    baseUrl,
    config,
    db,
    store,
    dataSource,
    clock,
    login(username) {
      const now = clock.now().getTime();
      const cached = tokens.get(username);
      if (cached && Math.abs(now - cached.at) < REUSE_WITHIN_MS) return cached.token;
      const token = fetchToken(username);
      tokens.set(username, { token, at: now });
      return token;
    },
    async close() {
      await app.close();
      await store.close();
      await dataSource.destroy();
      await db.drop();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
