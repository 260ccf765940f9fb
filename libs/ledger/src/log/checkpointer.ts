import type { Pool } from 'pg';
import type { NoteSigner } from '../transparency/signed-note';
import { latestCheckpoint, makeCheckpoint, type StoredCheckpoint } from './checkpoint-store';
import { storedTreeSize, treeTables } from './tree-store';

export interface CheckpointerOptions {
  pool: Pool;
  schema: string;
  signer: NoteSigner;
  /** A checkpoint once the tree grew by this many leaves since the last one (LEDGER_CHECKPOINT_EVENTS). */
  everyEvents: number;
  /** ... or once this many seconds passed since the last one and the tree grew (LEDGER_CHECKPOINT_SECONDS). */
  everySeconds: number;
  /** How often to look, ms. */
  pollMs?: number;
  now?: () => Date;
  logger?: { log(message: string): void; warn(message: string): void };
}

/**
 * Signs a checkpoint of the stored tree every `everyEvents` leaves, or every `everySeconds` when
 * it grew at all (the worker runs it beside the projections).
 */
export class Checkpointer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: CheckpointerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.timer) return;
    const poll = this.options.pollMs ?? Math.min(5000, this.options.everySeconds * 1000);
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((e: unknown) => this.options.logger?.warn(`checkpoint failed: ${(e as Error).message}`))
        .finally(() => {
          this.running = null;
        });
    }, poll);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Makes a checkpoint when one is due; returns it, or null when none was made. */
  async tick(): Promise<StoredCheckpoint | null> {
    const { pool, schema, signer, everyEvents, everySeconds } = this.options;
    const size = await storedTreeSize(pool, treeTables(schema));
    const latest = await latestCheckpoint(pool, schema);
    const grown = size - (latest?.size ?? 0);
    if (grown <= 0) return null;
    const age = latest ? (this.now().getTime() - latest.createdAt.getTime()) / 1000 : Infinity;
    if (grown < everyEvents && age < everySeconds) return null;
    const made = await makeCheckpoint(pool, schema, signer, this.now());
    if (made?.created) this.options.logger?.log(`checkpoint signed at tree size ${made.checkpoint.size}`);
    return made?.created ? made.checkpoint : null;
  }
}
