import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { EventStore, PostgresEventStore } from '@casework/event-store';
import { READ_MODEL_MIGRATIONS, SyntheticStream } from '@casework/read-models';
import { adminUrl, createTestSchema, TestSchema } from '../support/db';
import { nth } from '../support/defined';

/** A test schema with the event store and the read-model tables; projections write as the admin. */
export interface ProjectionSchema extends TestSchema {
  store: PostgresEventStore;
}

export async function createProjectionSchema(prefix: string): Promise<ProjectionSchema> {
  const db = await createTestSchema(prefix);
  await migrateReadModels(adminUrl(), db.schema);
  return { ...db, store: new PostgresEventStore({ pool: db.adminPool, schema: db.schema }) };
}

export async function migrateReadModels(url: string, schema: string): Promise<void> {
  const ds = new DataSource({
    type: 'postgres',
    url,
    schema,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: false,
  });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/** Appends every stream one event per command (as the API does), `concurrency` streams at a time. */
export async function appendStreams(store: EventStore, streams: SyntheticStream[], concurrency = 8): Promise<number> {
  let next = 0;
  let appended = 0;
  const worker = async () => {
    while (next < streams.length) {
      const stream = nth(streams, next++);
      for (const [i, e] of stream.events.entries()) {
        await store.append(stream.streamId, [{ type: e.type, data: e.data }], i, {
          correlationId: randomUUID(),
          commandId: randomUUID(),
          actor: e.actor,
          policyVersion: e.policyVersion,
          recordedAt: e.at,
        });
        appended++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return appended;
}

/** Everything a reader can see of the read models, in a stable order, for equality checks. */
export async function readModelSnapshot(pool: Pool, schema: string): Promise<{ audit: unknown[]; queue: unknown[] }> {
  const audit = await pool.query(`select * from "${schema}".audit_events order by event_id`);
  const queue = await pool.query(`select * from "${schema}".case_queue order by case_id`);
  return { audit: audit.rows, queue: queue.rows };
}
