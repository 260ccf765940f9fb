import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@casework/identity';
import { loadConfigOrExit, logLevelsOf, migrateAll, openInfrastructure } from '@casework/platform';
import { seedDemo } from '../../cli/src/seed/seed-demo';
import { projectionsHealthCheck, startWorker } from '../../worker/src/start-worker';
import { createApp } from './create-app';

/** `npm start`: the API and, unless INLINE_WORKER=false, the projection worker in one process. */
async function main() {
  const config = loadConfigOrExit();
  Logger.overrideLogger(logLevelsOf(config.logLevel));
  const log = new Logger('Casework');
  const infra = await openInfrastructure(config);
  await migrateAll(infra);
  if (config.seedDemo) await seedDemo(infra);
  const worker = config.inlineWorker ? startWorker(infra) : null;
  const app = await createApp({ infra, healthChecks: worker ? [projectionsHealthCheck(worker.runner)] : [] });
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  log.log(`Casework is listening on ${url} — API docs ${url}/docs, health ${url}/health`);
  if (config.seedDemo) {
    log.log(
      `Demo accounts (password for all: ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => `${a.username} (${a.role})`).join(', ')}`,
    );
  }
  if (infra.embedded)
    log.warn('Running on the embedded PGlite: no fsync, trial use only. Set DATABASE_URL for real data.');
  const shutdown = async (signal: string) => {
    log.log(`${signal} received, shutting down`);
    await app.close();
    await worker?.stop();
    await infra.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
