import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite behind a socket server, so `pg` and TypeORM connect to it as to a server.
 * It runs one transaction at a time across all connections and does not fsync: trial use only.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  const log = new Logger('EmbeddedPostgres');
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const chosenPort = port || (await freePort());
  const server = new PGLiteSocketServer({ db, port: chosenPort, host: '127.0.0.1', maxConnections: 10 });
  await server.start();
  log.warn(
    `Embedded PostgreSQL (PGlite) in ${dir} on 127.0.0.1:${chosenPort}: no fsync, one transaction at a time — TRIAL USE ONLY. Set DATABASE_URL for real use.`,
  );
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${chosenPort}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const p = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(p));
    });
  });
}
