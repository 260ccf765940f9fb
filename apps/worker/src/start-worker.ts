import { Logger } from '@nestjs/common';
import type { Infrastructure } from '@casework/platform';
import { ProjectionRunner, allProjections } from '@casework/read-models';

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
  return { runner, stop: () => runner.stop() };
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
