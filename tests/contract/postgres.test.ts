import { PostgresEventStore } from '@casework/event-store';
import { createTestSchema } from '../support/db';
import { eventStoreContract } from './event-store.contract';

// Runs as the app role (SELECT and INSERT only) in a schema of its own.
eventStoreContract('postgres', async ({ upcasters }) => {
  const db = await createTestSchema('contract_pg');
  const store = new PostgresEventStore({ pool: db.appPool, schema: db.schema, upcasters });
  return {
    store,
    async appendInSlowTransaction(streamId, events, expected, context, holdMs) {
      const client = await db.appPool.connect();
      try {
        await client.query('begin');
        const result = await store.append(streamId, events, expected, context, { client });
        await client.query('select pg_sleep($1)', [holdMs / 1000]);
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async rowCount() {
      const { rows } = await db.adminPool.query<{ n: number }>(`select count(*)::integer as n from ${db.schema}.events`);
      return rows[0].n;
    },
    async close() {
      await store.close();
      await db.drop();
    },
  };
});
