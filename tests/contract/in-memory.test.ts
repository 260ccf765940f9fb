import { InMemoryEventStore } from '@casework/event-store';
import { eventStoreContract } from './event-store.contract';

eventStoreContract('in-memory', async ({ upcasters }) => {
  const store = new InMemoryEventStore({ upcasters });
  return { store, rowCount: async () => store.size, close: () => store.close() };
});
