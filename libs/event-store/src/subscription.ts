import { comparePositions, START } from './event-store.port';
import type { GlobalPosition, ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription } from './event-store.port';

/**
 * subscribeToAll by polling readAll from a checkpoint: catch-up reads full batches back to back,
 * then it polls every `idleMs`. The position only moves after onBatch resolves, so a batch whose
 * handler fails is delivered again (after onError and one idle interval); nothing is skipped.
 */
export function pollingSubscription(
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
  options: SubscribeOptions,
): Subscription {
  const batchSize = options.batchSize ?? 500;
  const idleMs = options.idleMs ?? 200;
  let position: GlobalPosition = options.after ?? START;
  let stopped = false;
  let wake: (() => void) | null = null;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopped) {
      try {
        const batch = await readAll({ after: position, maxCount: batchSize });
        if (stopped) break;
        const lastEvent = batch.at(-1);
        if (!lastEvent) {
          await pause(idleMs);
          continue;
        }
        await options.onBatch(batch);
        const last = lastEvent.position;
        if (comparePositions(last, position) <= 0)
          throw new Error('readAll returned events at or before the checkpoint');
        position = last;
        if (batch.length < batchSize) await pause(idleMs);
      } catch (err) {
        // Without a handler the failure must still be visible somewhere.
        (options.onError ?? ((e: unknown) => console.error('event store subscription failed; retrying', e)))(err);
        if (!stopped) await pause(idleMs);
      }
    }
  })();

  return {
    get position() {
      return position;
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}

/**
 * The polling subscriptions one adapter opened, so that close() stops every one of them before
 * the adapter lets go of its connection (a subscription left running would poll a closed client).
 */
export class OpenSubscriptions {
  private readonly open = new Set<Subscription>();

  constructor(private readonly readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>) {}

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = pollingSubscription(this.readAll, options);
    this.open.add(subscription);
    const open = this.open;
    return {
      get position() {
        return subscription.position;
      },
      async stop() {
        open.delete(subscription);
        await subscription.stop();
      },
    };
  }

  /** How many are still running. */
  get size(): number {
    return this.open.size;
  }

  async stopAll(): Promise<void> {
    const all = [...this.open];
    this.open.clear();
    await Promise.all(all.map((s) => s.stop()));
  }
}
