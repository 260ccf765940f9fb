export { PostgresEventStore } from './postgres-event-store';
export type { PostgresEventStoreOptions, PostgresAppendOptions } from './postgres-event-store';
export { eventStoreMigrations, migrateEventStore, grantEventStoreAccess } from './migrations';
export type { EventStoreMigration } from './migrations';
