import * as pg from 'pg';
import { DataSource } from 'typeorm';
import { failoverClientFor, failoverPoolClass, parseDatabaseHosts } from './failover-pool';
import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS } from '@casework/identity';
import { READ_MODEL_MIGRATIONS } from '@casework/read-models';

/**
 * The one TypeORM DataSource: it runs the identity and read-model migrations and serves the identity
 * repositories (users, units: the only TypeORM entities). Read models are written and queried with SQL,
 * their migrations being the one description of their tables. Schema changes go through migrations only
 * (never `synchronize`); the event store's own tables are migrated by libs/event-store.
 */
export function createDataSource(url: string, schema: string, embedded: boolean): DataSource {
  const hosts = parseDatabaseHosts(url);
  const multiHost = hosts.hosts.length > 1 || hosts.targetSessionAttrs !== 'any';
  return new DataSource({
    type: 'postgres',
    url: hosts.primaryUrl,
    // Several hosts (a standby to fail over to): TypeORM's pool connects through the same selection.
    driver: multiHost ? { ...pg, Pool: failoverPoolClass(failoverClientFor(hosts)) } : undefined,
    schema,
    entities: IDENTITY_ENTITIES,
    migrations: [...IDENTITY_MIGRATIONS, ...READ_MODEL_MIGRATIONS],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: false,
    extra: { max: embedded ? 4 : 10 },
  });
}
