import type { ReadAllOptions, RecordedEvent } from './event-store.port';
import { OpenSubscriptions } from './subscription';

describe('OpenSubscriptions', () => {
  it('stopAll stops every open subscription: none polls after it resolves', async () => {
    let reads = 0;
    const readAll = async (_o: ReadAllOptions): Promise<RecordedEvent[]> => {
      reads++;
      return [];
    };
    const open = new OpenSubscriptions(readAll);
    open.subscribe({ idleMs: 1, onBatch: async () => undefined });
    open.subscribe({ idleMs: 1, onBatch: async () => undefined });
    expect(open.size).toBe(2);
    await new Promise((r) => setTimeout(r, 20));
    await open.stopAll();
    expect(open.size).toBe(0);
    const after = reads;
    await new Promise((r) => setTimeout(r, 30));
    expect(reads).toBe(after);
  });

  it('a subscription stopped on its own leaves the set', async () => {
    const open = new OpenSubscriptions(async () => []);
    const s = open.subscribe({ idleMs: 1, onBatch: async () => undefined });
    await s.stop();
    expect(open.size).toBe(0);
  });
});
