export * from './event-store.port';
export * from './errors';
export { InvalidAppendError, normaliseExpected, prepareEvents, buildMetadata, recordedAtOf } from './append-input';
export type { PreparedEvent } from './append-input';
export { UpcasterChain } from './upcasting';
export { pollingSubscription } from './subscription';
export { InMemoryEventStore } from './in-memory/in-memory-event-store';
export type { InMemoryEventStoreOptions } from './in-memory/in-memory-event-store';
export * from './postgres';
