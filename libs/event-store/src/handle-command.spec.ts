import { randomUUID } from 'node:crypto';
import { CommandReusedError, ConcurrencyError } from './errors';
import { handleCommand, type Decider, type HandleCommandOptions } from './handle-command';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';

type Cmd = { type: 'add'; by: number };
type Ev = { type: 'Added'; data: { by: number } };
const counter: Decider<Cmd, Ev, number> = {
  decide: (c) => (c.by === 0 ? [] : [{ type: 'Added', data: { by: c.by } }]),
  evolve: (n, e) => n + e.data.by,
  initialState: () => 0,
};

class Stale extends Error {}

describe('handleCommand', () => {
  const actor = { userId: 'u1', role: 'caseworker', unit: 'STREET_XIYI' };
  let store: InMemoryEventStore;
  const run = (over: Partial<HandleCommandOptions<Cmd, Ev, number>> = {}) =>
    handleCommand(store, counter, {
      streamId: 'counter-1',
      expectedVersion: null,
      context: { commandId: randomUUID(), correlationId: 'c', actor },
      toEvent: (e) => ({ type: 'Added' as const, data: e.data as { by: number } }),
      staleVersion: (expected, actual) => new Stale(`${expected} != ${actual}`),
      command: { type: 'add', by: 1 },
      ...over,
    });

  beforeEach(() => {
    store = new InMemoryEventStore();
  });

  it('folds, decides and appends at the version read, returning the new state', async () => {
    await run({ expectedVersion: 0, command: { type: 'add', by: 2 } });
    const result = await run({ expectedVersion: 1, command: (state) => ({ type: 'add', by: state * 10 }) });
    expect(result).toEqual({
      version: 2,
      state: 22,
      events: [{ type: 'Added', data: { by: 20 } }],
      duplicate: false,
    });
  });

  it('answers a repeated command id with its first result before it looks at the expected version', async () => {
    const context = { commandId: randomUUID(), correlationId: 'c', actor };
    await run({ expectedVersion: 0, context, command: { type: 'add', by: 5 } });
    await run({ expectedVersion: 1, command: { type: 'add', by: 1 } });
    const again = await run({ expectedVersion: 0, context, command: { type: 'add', by: 5 } });
    expect(again).toEqual({ version: 1, state: 5, events: [{ type: 'Added', data: { by: 5 } }], duplicate: true });
    expect(await store.streamVersion('counter-1')).toBe(2);
  });

  it('refuses a stale version with the caller’s error, after the guard', async () => {
    await run({ expectedVersion: 0 });
    await expect(run({ expectedVersion: 0 })).rejects.toBeInstanceOf(Stale);
    const guard = jest.fn(() => {
      throw new Error('forbidden');
    });
    await expect(run({ expectedVersion: 0, guard })).rejects.toThrow('forbidden');
  });

  it('appends the other streams of the decision in the same append, and retries when another stream moved', async () => {
    await store.append('slot-1', [{ type: 'Taken', data: {} }], 'no_stream', { correlationId: 'c', actor });
    let calls = 0;
    const result = await run({
      expectedVersion: 0,
      alsoWrite: async () => {
        calls++;
        // The first time, the version read is already stale (another writer took the slot).
        const version = calls === 1 ? 0 : await store.streamVersion('slot-1');
        return [{ streamId: 'slot-1', events: [{ type: 'Released', data: {} }], expectedVersion: version }];
      },
    });
    expect(calls).toBe(2);
    expect(result.version).toBe(1);
    expect((await store.readStream('slot-1')).map((e) => e.type)).toEqual(['Taken', 'Released']);
  });

  it('writes nothing when the other stream stays contended', async () => {
    await store.append('slot-1', [{ type: 'Taken', data: {} }], 'no_stream', { correlationId: 'c', actor });
    const alsoWrite = async () => [
      { streamId: 'slot-1', events: [{ type: 'Released', data: {} }], expectedVersion: 0 },
    ];
    await expect(run({ expectedVersion: 0, alsoWrite, maxAttempts: 2 })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.streamVersion('counter-1')).toBe(0);
  });

  it('appends nothing when the decider decides nothing', async () => {
    const result = await run({ command: { type: 'add', by: 0 } });
    expect(result).toEqual({ version: 0, state: 0, events: [], duplicate: false });
    expect(store.size).toBe(0);
  });

  describe('a repeated command id with a request hash', () => {
    const commandId = randomUUID();
    const context = (requestHash: string) => ({ commandId, correlationId: 'c', actor, requestHash });

    it('keeps the hash on the first event only, and answers the same hash with the first result after the stream moved on', async () => {
      const first = await run({ expectedVersion: 0, context: context('h1'), command: { type: 'add', by: 2 } });
      await run({ expectedVersion: 1, command: { type: 'add', by: 5 } });
      const again = await run({ expectedVersion: 0, context: context('h1'), command: { type: 'add', by: 2 } });
      expect(again).toEqual({ ...first, duplicate: true });
      expect(again).toMatchObject({ version: 1, state: 2 });
      const stored = await store.readStream('counter-1');
      expect(stored.map((e) => e.metadata.requestHash)).toEqual(['h1', undefined]);
    });

    it('refuses another hash with the caller’s error (or CommandReusedError) and writes nothing', async () => {
      await run({ expectedVersion: 0, context: context('h1') });
      await expect(run({ context: context('h2') })).rejects.toBeInstanceOf(CommandReusedError);
      await expect(run({ context: context('h2'), requestReused: () => new Stale('reused') })).rejects.toThrow('reused');
      expect(await store.streamVersion('counter-1')).toBe(1);
    });

    it('answers a command stored without a hash as before', async () => {
      await run({ expectedVersion: 0, context: { commandId, correlationId: 'c', actor } });
      expect(await run({ context: context('h2') })).toMatchObject({ version: 1, duplicate: true });
    });
  });
});
