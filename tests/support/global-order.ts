import type { EventStore } from '@casework/event-store';

/**
 * Waits until the global order shows at least `count` events. readAll shows a commit only once no
 * transaction that could precede it is open anywhere on the server (other suites run beside this
 * one), so events just appended may be held back a moment. Throws when they stay hidden.
 */
export async function waitUntilInGlobalOrder(store: EventStore, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const visible = (await store.readAll({ maxCount: count })).length;
    if (visible >= count) return;
    if (Date.now() > deadline)
      throw new Error(
        `only ${visible} of ${count} appended events became readable in the global order within ${timeoutMs} ms`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}
