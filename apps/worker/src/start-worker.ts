import { Logger } from '@nestjs/common';
import type { Infrastructure } from '@casework/platform';
import { ProjectionRunner, allProjections } from '@casework/read-models';

export interface Worker {
  runner: ProjectionRunner;
  stop(): Promise<void>;
}

/** Starts the projections on an opened (and migrated) infrastructure; the API runs it inline too. */
export function startWorker(infra: Pick<Infrastructure, 'pool' | 'store' | 'config'>, options: { batchSize?: number; idleMs?: number } = {}): Worker {
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
