import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { EventStore, GlobalPosition, RecordedEvent, comparePositions } from '@casework/event-store';
import {
  ensureCheckpoints,
  lockCheckpoint,
  openFailures,
  readCheckpoints,
  recordFailure,
  writeCheckpoint,
} from './checkpoints';
import { Projection, liveContext } from './projection';
import { lagOf, ProjectionLag } from './projection-lag';

export interface ProjectionRunnerOptions {
  pool: Pool;
  store: EventStore;
  schema: string;
  projections: readonly Projection[];
  /** Events read from the store per round. */
  batchSize?: number;
  /** Pause when every projection is at the head, ms. */
  idleMs?: number;
  logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
}

export interface ProjectionStatus extends ProjectionLag {
  name: string;
  position: GlobalPosition;
  updatedAt: string | null;
  blocked: boolean;
  failures: {
    eventId: string;
    globalSeq: string;
    eventType: string;
    streamId: string;
    error: string;
    failedAt: string;
  }[];
}

type BatchOutcome = 'applied' | 'moved' | 'failed';

/**
 * Runs projections from their checkpoints (DESIGN §5). One round reads a batch from the lowest
 * checkpoint, then gives each projection the events after its own checkpoint in one transaction
 * that also moves its checkpoint: a crash leaves either both or neither, so nothing is applied
 * twice or skipped. An event whose apply throws is recorded in projection_failures and blocks
 * that projection (other projections go on); a later event is never applied before it.
 */
export class ProjectionRunner {
  private readonly log: Pick<Logger, 'log' | 'warn' | 'error'>;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private loop: Promise<void> | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private initialised = false;
  private processed = 0;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.log = options.logger ?? new Logger('Projections');
    this.batchSize = options.batchSize ?? 1000;
    this.idleMs = options.idleMs ?? 250;
  }

  get projections(): readonly Projection[] {
    return this.options.projections;
  }

  start(): void {
    if (this.loop) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Works until no unblocked projection has anything left to do; returns the events applied. */
  async catchUp(): Promise<number> {
    const before = this.processed;
    while (await this.round()) {
      /* keep going */
    }
    return this.processed - before;
  }

  async status(): Promise<ProjectionStatus[]> {
    const { pool, schema, store } = this.options;
    const checkpoints = await readCheckpoints(pool, schema);
    const failures = await openFailures(pool, schema);
    const out: ProjectionStatus[] = [];
    for (const p of this.options.projections) {
      const cp = checkpoints.get(p.name);
      const position = cp?.position ?? { commit: '0', prepare: '0' };
      const own = failures.filter((f) => f.projection === p.name);
      out.push({
        name: p.name,
        position,
        updatedAt: cp?.updatedAt ?? null,
        ...(await lagOf(store, pool, schema, position)),
        blocked: own.length > 0,
        failures: own.map(({ eventId, globalSeq, eventType, streamId, error, failedAt }) => ({
          eventId,
          globalSeq,
          eventType,
          streamId,
          error,
          failedAt,
        })),
      });
    }
    return out;
  }

  private async run(): Promise<void> {
    let backoff = this.idleMs;
    let lastReport = Date.now();
    let reported = this.processed;
    while (!this.stopped) {
      try {
        const more = await this.round();
        backoff = this.idleMs;
        if (Date.now() - lastReport > 5000 && this.processed > reported) {
          this.log.log(
            `projected ${this.processed - reported} events in the last ${Math.round((Date.now() - lastReport) / 1000)} s`,
          );
          lastReport = Date.now();
          reported = this.processed;
        }
        if (!more) await this.pause(this.idleMs);
      } catch (e) {
        this.log.warn(`projection round failed, retrying in ${backoff} ms: ${(e as Error).message}`);
        await this.pause(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  /** One round; true when a full batch was read (there may be more right away). */
  private async round(): Promise<boolean> {
    const { pool, schema, store, projections } = this.options;
    if (!this.initialised) {
      await ensureCheckpoints(
        pool,
        schema,
        projections.map((p) => p.name),
      );
      this.initialised = true;
    }
    const blocked = new Set((await openFailures(pool, schema)).map((f) => f.projection));
    const checkpoints = await readCheckpoints(pool, schema);
    const active = projections.filter((p) => !blocked.has(p.name));
    if (active.length === 0) return false;
    const positions = new Map(
      active.map((p) => [p.name, checkpoints.get(p.name)?.position ?? { commit: '0', prepare: '0' }]),
    );
    const from = [...positions.values()].reduce((min, pos) => (comparePositions(pos, min) < 0 ? pos : min));
    const events = await store.readAll({ after: from, maxCount: this.batchSize });
    if (events.length === 0) return false;
    let progressed = false;
    for (const p of active) {
      if (this.stopped) break;
      const after = positions.get(p.name)!;
      const mine = events.filter((e) => comparePositions(e.position, after) > 0);
      if (mine.length === 0) continue;
      const outcome = await this.applyBatch(p, after, mine);
      if (outcome === 'applied') {
        progressed = true;
        this.processed += mine.length;
      }
    }
    return progressed && events.length === this.batchSize;
  }

  private async applyBatch(p: Projection, expected: GlobalPosition, events: RecordedEvent[]): Promise<BatchOutcome> {
    const last = events.at(-1);
    if (!last) throw new Error(`projection ${p.name}: applyBatch called with no events`);
    try {
      return await this.transact(
        p,
        expected,
        events.filter((e) => p.handles(e)),
        last.position,
      );
    } catch (e) {
      if (isTransient(e)) throw e;
      return this.isolateFailure(p, expected, events, e);
    }
  }

  private async transact(
    p: Projection,
    expected: GlobalPosition,
    handled: RecordedEvent[],
    to: GlobalPosition,
  ): Promise<BatchOutcome> {
    const { pool, schema } = this.options;
    const client = await pool.connect();
    try {
      await client.query('begin');
      const current = await lockCheckpoint(client, schema, p.name);
      if (comparePositions(current, expected) !== 0) {
        // Another runner or a rebuild moved it since this round read it: read again.
        await client.query('rollback');
        return 'moved';
      }
      if (handled.length > 0) await p.apply(handled, liveContext(client, schema));
      await writeCheckpoint(client, schema, p.name, to);
      await client.query('commit');
      return 'applied';
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** Replays the failed batch one event at a time to find, record and stop at the event that throws. */
  private async isolateFailure(
    p: Projection,
    expected: GlobalPosition,
    events: RecordedEvent[],
    batchError: unknown,
  ): Promise<BatchOutcome> {
    let at = expected;
    for (const event of events) {
      const handled = p.handles(event) ? [event] : [];
      try {
        const outcome = await this.transact(p, at, handled, event.position);
        if (outcome === 'moved') return 'moved';
        at = event.position;
      } catch (e) {
        if (isTransient(e)) throw e;
        await recordFailure(this.options.pool, this.options.schema, p.name, event, e);
        this.log.error(
          `projection ${p.name} is blocked at event ${event.metadata.eventId} (${event.type}, seq ${event.globalSeq}, stream ${event.streamId}): ${(e as Error).message}`,
        );
        return 'failed';
      }
    }
    this.log.warn(
      `projection ${p.name}: batch failed (${(batchError as Error).message}) but every event applied on its own`,
    );
    return 'applied';
  }
}

/** Connection loss, deadlocks, serialisation failures, shutdown: try again rather than block the projection. */
export function isTransient(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string') {
    if (/^(08|40|53|57)/.test(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  }
  const msg = (e as Error)?.message ?? '';
  return /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
    msg,
  );
}
