import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit, logLevelsOf, migrateAll, openInfrastructure } from '@casework/platform';
import { eventSignerOf } from '@casework/ledger';
import { loadLogSigner } from './log-signer';
import { startWorker } from './start-worker';

async function main() {
  const config = loadConfigOrExit();
  Logger.overrideLogger(logLevelsOf(config.logLevel));
  const log = new Logger('Worker');
  // What the worker appends is signed with the log's key too (issue 8 item 3).
  const infra = await openInfrastructure(config, { signer: eventSignerOf(loadLogSigner(config)) });
  await migrateAll(infra);
  const batchSize = process.env.PROJECTION_BATCH_SIZE ? Number(process.env.PROJECTION_BATCH_SIZE) : undefined;
  const worker = startWorker(infra, { batchSize });
  const shutdown = async (signal: string) => {
    log.log(`${signal} received, stopping the projections`);
    await worker.stop();
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
