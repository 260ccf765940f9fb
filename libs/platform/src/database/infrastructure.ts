import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { EventStore, PostgresEventStore, migrateEventStore, type EventSigner } from '@casework/event-store';
import { AppConfig } from '../config/config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';
import { createPool } from './failover-pool';

export interface Infrastructure {
  config: AppConfig;
  databaseUrl: string;
  embedded: boolean;
  pool: Pool;
  dataSource: DataSource;
  store: EventStore;
  close(): Promise<void>;
}

/**
 * Connects to PostgreSQL (DATABASE_URL, or the embedded PGlite when it is absent) and opens the
 * event store. With PGlite every connection shares one transaction slot, so the pool stays small
 * and no code may wait for a second connection while it holds a transaction. With a `signer` the
 * store signs every event it appends (the log's key, loaded by the caller: issue 8 item 3).
 */
export async function openInfrastructure(
  config: AppConfig,
  options: { signer?: EventSigner } = {},
): Promise<Infrastructure> {
  const log = new Logger('Infrastructure');
  const embedded = !config.databaseUrl;
  const emb = embedded ? await startEmbeddedPostgres(config.dataDir) : null;
  const databaseUrl = config.databaseUrl ?? emb!.url;
  const pool = createPool(databaseUrl, {
    max: embedded ? 4 : 20,
    options: config.databaseSchema === 'public' ? undefined : `-c search_path=${config.databaseSchema},public`,
  });
  pool.on('error', (err) => log.error(`idle database connection failed: ${err.message}`));
  await pool.query('select 1');
  log.log(embedded ? 'Using the embedded PostgreSQL (PGlite)' : `Using PostgreSQL at ${redact(databaseUrl)}`);
  const store = new PostgresEventStore({
    pool,
    schema: config.databaseSchema,
    preparedStatements: !embedded,
    signer: options.signer,
  });
  const dataSource = createDataSource(databaseUrl, config.databaseSchema, embedded);
  await dataSource.initialize();
  return {
    config,
    databaseUrl,
    embedded,
    pool,
    dataSource,
    store,
    async close() {
      await store.close();
      await dataSource.destroy();
      await pool.end();
      await emb?.stop();
    },
  };
}

export async function migrateAll(infra: Infrastructure): Promise<void> {
  await migrateEventStore(infra.pool, infra.config.databaseSchema);
  await infra.dataSource.runMigrations({ transaction: 'each' });
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}
