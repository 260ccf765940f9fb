import { Logger } from '@nestjs/common';
import { PostgresEventStore, type EventStore } from '@casework/event-store';
import type { Infrastructure } from '@casework/platform';
import { Checkpointer } from '@casework/ledger';
import { ProjectionRunner, allProjections } from '@casework/read-models';
import { loadLogSigner } from './log-signer';

export interface Worker {
  runner: ProjectionRunner;
  stop(): Promise<void>;
}

/** Starts the projections on an opened (and migrated) infrastructure; the API runs it inline too. */
export function startWorker(
  infra: Pick<Infrastructure, 'pool' | 'store' | 'config'>,
  options: { batchSize?: number; idleMs?: number } = {},
): Worker {
  const runner = new ProjectionRunner({
    pool: infra.pool,
    store: infra.store,
    schema: infra.config.databaseSchema,
    projections: allProjections(),
    batchSize: options.batchSize,
    idleMs: options.idleMs,
    logger: new Logger('Projections'),
  });
  runner.start();
  new Logger('Worker').log(`projections running: ${runner.projections.map((p) => p.name).join(', ')}`);
  // Signed checkpoints of the transparency log, every LEDGER_CHECKPOINT_EVENTS or _SECONDS (issue 8).
  const checkpointer = new Checkpointer({
    pool: infra.pool,
    schema: infra.config.databaseSchema,
    signer: loadLogSigner(infra.config),
    everyEvents: infra.config.ledger.checkpointEvents,
    everySeconds: infra.config.ledger.checkpointSeconds,
    logger: new Logger('Checkpoints'),
  });
  checkpointer.start();
  return {
    runner,
    stop: async () => {
      await checkpointer.stop();
      await runner.stop();
    },
  };
}

/** Past this age, an appender's open transaction holding the read models back makes /health degraded. */
export const BLOCKING_APPENDER_DEGRADED_SECONDS = 60;

/**
 * The 'projections' readiness check for GET /health: each projection's checkpoint, lag (every
 * committed event after its checkpoint) and open failures, and the appenders' open transactions
 * that hold every reader back (oldest first, with their application_name). Degraded while a
 * projection is blocked by a failure (it needs a person) or an appender has been open too long.
 */
export function projectionsHealthCheck(
  runner: Pick<ProjectionRunner, 'status'>,
  store?: EventStore,
  degradedAfterSeconds = BLOCKING_APPENDER_DEGRADED_SECONDS,
): {
  name: string;
  run(): Promise<{ ok: boolean; status?: 'up' | 'degraded'; [detail: string]: unknown }>;
} {
  return {
    name: 'projections',
    async run() {
      const projections = await runner.status();
      const blockers = store instanceof PostgresEventStore ? await store.openAppenders() : [];
      const oldest = blockers[0];
      const held = oldest !== undefined && oldest.ageSeconds > degradedAfterSeconds;
      const ok = projections.every((p) => !p.blocked) && !held;
      return {
        ok,
        status: ok ? 'up' : 'degraded',
        projections: projections.map((p) => ({
          name: p.name,
          lagEvents: p.lagEvents,
          lagSeconds: p.lagSeconds,
          blocked: p.blocked,
          failures: p.failures,
        })),
        oldestBlockingTransaction: oldest
          ? {
              ageSeconds: Math.round(oldest.ageSeconds),
              applicationName: oldest.applicationName,
              pid: oldest.pid,
              degradedAfterSeconds,
            }
          : null,
      };
    },
  };
}
