import 'reflect-metadata';
import { createServer } from 'node:net';
import { INestApplication, Logger } from '@nestjs/common';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@casework/identity';
import {
  DataDirectoryInUseError,
  Infrastructure,
  loadConfigOrExit,
  logLevelsOf,
  migrateAll,
  openInfrastructure,
} from '@casework/platform';
import { eventSignerOf } from '@casework/ledger';
import { seedDemo } from '../../cli/src/seed/seed-demo';
import { loadLogSigner } from '../../worker/src/log-signer';
import { Worker, projectionsHealthCheck, startWorker } from '../../worker/src/start-worker';
import { createApp } from './create-app';

/** How long a graceful shutdown may take before the process gives up waiting and exits. */
const SHUTDOWN_GRACE_MS = 25_000;

/** Thrown before anything is opened when the port is taken: the message says so in plain words. */
class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(
      `端口 ${host}:${port} 已被占用（可能另一个 Casework 正在运行）：请先停止它，或用 PORT 指定另一个端口。` +
        ` Port ${host}:${port} is already in use (another Casework running?); stop it or set another PORT.`,
    );
    this.name = 'PortInUseError';
  }
}

/** Fails at once when the port is taken, so a second start stops before it seeds or starts a worker. */
async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new PortInUseError(host, port) : e),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * `npm start`: the API and, unless INLINE_WORKER=false, the projection worker in one process.
 * Start-up order: configuration, the port, the data directory lock (embedded mode), migrations,
 * the demo seed, the worker, then listening. Shutdown on SIGINT/SIGTERM: stop accepting
 * connections and let in-flight requests finish, let the worker finish its batch, close the pools.
 */
async function main() {
  const config = loadConfigOrExit();
  Logger.overrideLogger(logLevelsOf(config.logLevel));
  const log = new Logger('Casework');
  await assertPortFree(config.port, config.host);
  // Handlers first, so a signal during start-up also closes what is open (and frees the lock).
  let infra: Infrastructure | null = null;
  let worker: Worker | null = null;
  let app: INestApplication | null = null;
  // Nest's enableShutdownHooks would close the app on its own signal listener and re-raise the
  // signal; the worker and the pools live outside Nest, so this one handler closes all in order.
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    log.log(`${signal} received, shutting down: finishing requests, the projection batch, closing the database`);
    setTimeout(() => {
      log.error(`shutdown took longer than ${SHUTDOWN_GRACE_MS / 1000} s: exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    try {
      await app?.close();
      await worker?.stop();
      await infra?.close();
      log.log('stopped');
      process.exit(0);
    } catch (e) {
      log.error(`shutdown failed: ${(e as Error).stack ?? String(e)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', (s) => void shutdown(s));
  process.on('SIGTERM', (s) => void shutdown(s));

  // Events are signed with the transparency log's key (issue 8 item 3), so both carry one key id.
  infra = await openInfrastructure(config, { signer: eventSignerOf(loadLogSigner(config)) });
  await migrateAll(infra);
  if (config.seedDemo) await seedDemo(infra);
  if (stopping) return;
  worker = config.inlineWorker ? startWorker(infra) : null;
  app = await createApp({ infra, healthChecks: worker ? [projectionsHealthCheck(worker.runner, infra.store)] : [] });
  if (stopping) return;
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
}

main().catch((e) => {
  // A refusal the operator can act on is one clear line; anything else keeps its stack.
  if (e instanceof DataDirectoryInUseError || e instanceof PortInUseError) {
    console.error(e.message);
    process.exit(3);
  }
  console.error(e);
  process.exit(1);
});
