import { randomBytes } from 'node:crypto';
import { Pool, type PoolConfig } from 'pg';
import { grantEventStoreAccess, migrateEventStore } from '@casework/event-store';

/**
 * Helpers for integration tests against the real PostgreSQL. Each suite works in its own schema
 * (createTestSchema), so suites run in parallel on one database. The schema is migrated as the
 * admin; the app pool connects as `casework_app`, which may only SELECT and INSERT events.
 */

export const APP_ROLE = 'casework_app';

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/casework_test';
}

export function appUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://casework_app:casework_app@127.0.0.1:5432/casework_test';
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates the test database (if missing) and the app role (if missing); safe to race. */
export async function ensureAppRole(): Promise<void> {
  const dbName = decodeURIComponent(new URL(adminUrl()).pathname.slice(1));
  const server = new Pool({ connectionString: withDatabase(adminUrl(), 'postgres'), max: 1 });
  try {
    const exists = await server.query('select 1 from pg_database where datname = $1', [dbName]);
    if (exists.rowCount === 0) {
      await server.query(`create database "${dbName.replace(/"/g, '""')}"`).catch(ignore('42P04', '23505'));
    }
    const role = await server.query('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
    if (role.rowCount === 0) {
      await server
        .query(`create role ${APP_ROLE} login password '${APP_ROLE}' nosuperuser nocreatedb nocreaterole`)
        .catch(ignore('42710', '23505'));
    }
    await server.query(`grant connect on database "${dbName.replace(/"/g, '""')}" to ${APP_ROLE}`);
  } finally {
    await server.end();
  }
}

/** Ignores the given SQLSTATEs (someone else created the object first). */
function ignore(...codes: string[]) {
  return (err: unknown) => {
    if (!codes.includes((err as { code?: string }).code ?? '')) throw err;
  };
}

export interface TestSchema {
  schema: string;
  /** Superuser pool, search_path = the schema. For setup, tampering and checks. */
  adminPool: Pool;
  /** Pool as the app role, search_path = the schema; has only the granted rights. */
  appPool: Pool;
  /** Ends both pools and drops the schema. */
  drop(): Promise<void>;
}

export interface CreateTestSchemaOptions {
  /** Extra pool settings for the app pool (e.g. max). Default max 20. */
  appPool?: PoolConfig;
}

/**
 * A fresh schema named `<prefix>_<random>` (names starting with pg_ are reserved, so those get t_), with the event store migrated and the app role
 * granted read and append rights on it.
 */
export async function createTestSchema(prefix: string, options: CreateTestSchemaOptions = {}): Promise<TestSchema> {
  await ensureAppRole();
  const clean = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/^([^a-z_])/, '_$1')
    .replace(/^pg_/, 't_pg_')
    .slice(0, 40);
  const schema = `${clean}_${randomBytes(5).toString('hex')}`;
  const searchPath = `-c search_path=${schema}`;
  const adminPool = new Pool({ connectionString: adminUrl(), max: 4, options: searchPath });
  await migrateEventStore(adminPool, schema);
  await grantEventStoreAccess(adminPool, schema, APP_ROLE);
  const appPool = new Pool({ connectionString: appUrl(), max: 20, ...options.appPool, options: searchPath });
  let dropped = false;
  return {
    schema,
    adminPool,
    appPool,
    async drop() {
      if (dropped) return;
      dropped = true;
      await appPool.end();
      try {
        await adminPool.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await adminPool.end();
      }
    },
  };
}
