import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, migrateAll, openInfrastructure } from '@casework/platform';
import { createApp } from './create-app';

async function main() {
  const log = new Logger('Casework');
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const infra = await openInfrastructure(config);
  await migrateAll(infra);
  const app = await createApp({ infra });
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  log.log(`Casework is listening on ${url.replace('[::1]', 'localhost')} — API docs at ${url}/docs, health at ${url}/health`);
  const shutdown = async (signal: string) => {
    log.log(`${signal} received, shutting down`);
    await app.close();
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
