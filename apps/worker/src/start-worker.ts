import { Logger } from '@nestjs/common';
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

/**
 * The 'projections' readiness check for GET /health: each projection's checkpoint, lag and open
 * failures. Not ready while a projection is blocked by a failure (it needs a person).
 */
export function projectionsHealthCheck(runner: ProjectionRunner): {
  name: string;
  run(): Promise<{ ok: boolean; [detail: string]: unknown }>;
} {
  return {
    name: 'projections',
    async run() {
      const projections = await runner.status();
      return {
        ok: projections.every((p) => !p.blocked),
        projections: projections.map((p) => ({
          name: p.name,
          lagEvents: p.lagEvents,
          lagSeconds: p.lagSeconds,
          blocked: p.blocked,
          failures: p.failures,
        })),
      };
    },
  };
}
