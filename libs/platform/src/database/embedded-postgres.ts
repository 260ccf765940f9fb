import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** The lock file in the data directory: it holds the pid of the process that has the directory open. */
export const DATA_DIR_LOCK_FILE = 'casework.lock';

/** Another live process has the data directory open; the message says which and what to do. */
export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 已被另一个 Casework 进程（pid ${pid}）使用：同一数据目录只能运行一个实例。` +
        `请先停止该进程，或用 DATA_DIR 指定另一个目录。` +
        ` The data directory ${dataDir} is in use by another Casework process (pid ${pid}); stop it or set another DATA_DIR.`,
    );
    this.name = 'DataDirectoryInUseError';
  }
}

/** Lock files this process holds (a second open in the same process is refused too). */
const heldHere = new Set<string>();

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the data directory's lock file (O_EXCL create, our pid inside) or throws
 * DataDirectoryInUseError when a live process holds it. A lock left by a dead process (or by an
 * earlier container whose pid we now have) is taken over. Returns the release function.
 */
export function lockDataDirectory(dataDir: string): () => void {
  const file = join(dataDir, DATA_DIR_LOCK_FILE);
  if (heldHere.has(file)) throw new DataDirectoryInUseError(dataDir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder = NaN;
      try {
        holder = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      } catch {
        // Removed in between, or unreadable: try again.
      }
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder))
        throw new DataDirectoryInUseError(dataDir, holder);
      new Logger('EmbeddedPostgres').warn(
        `数据目录的锁文件过期（pid ${Number.isNaN(holder) ? '?' : holder} 已不在运行），接管。Taking over a stale lock in ${dataDir}.`,
      );
      try {
        unlinkSync(file);
      } catch {
        // Another starter removed it first; the O_EXCL create decides.
      }
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    heldHere.add(file);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      heldHere.delete(file);
      process.off('exit', release);
      try {
        if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
      } catch {
        // Already gone.
      }
    };
    // Also on process.exit() without stop(); a SIGKILL leaves a stale lock, which the next start takes over.
    process.on('exit', release);
    return release;
  }
  throw new Error(`could not take the lock ${file}`);
}

/** Creates the directory (and parents) and makes it private to this user (0700). */
function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * PGlite behind a socket server, so `pg` and TypeORM connect to it as to a server. The server
 * listens on a Unix socket in a directory only this user can enter (the 0700 data directory, or a
 * private temporary directory when that path is too long for a socket), never on a TCP port, so
 * no other local user can connect (PGlite itself accepts any user name and password).
 * The data directory is locked first: a second process on it stops at once.
 * It runs one transaction at a time across all connections and does not fsync: trial use only.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const log = new Logger('EmbeddedPostgres');
  const root = resolve(dataDir);
  privateDir(root);
  const release = lockDataDirectory(root);
  try {
    const dir = join(root, 'pglite');
    privateDir(dir);
    const db = await PGlite.create(dir);
    // Unix socket paths are limited to about 107 bytes; pg connects to <dir>/.s.PGSQL.<port>.
    const port = 5432;
    let socketDir = join(root, 'run');
    let ownTemp = false;
    if (join(socketDir, `.s.PGSQL.${port}`).length > 100) {
      socketDir = mkdtempSync(join(tmpdir(), 'casework-pg-'));
      ownTemp = true;
    }
    privateDir(socketDir);
    const socketPath = join(socketDir, `.s.PGSQL.${port}`);
    // The lock is ours, so a socket file left here is from a process that died.
    rmSync(socketPath, { force: true });
    const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 10 });
    await server.start();
    log.warn(
      `内置 PostgreSQL（PGlite）位于 ${dir}，仅通过本机套接字 ${socketPath} 访问：不做 fsync，一次只运行一个事务，仅供试用。` +
        ` Embedded PostgreSQL (PGlite) in ${dir} on the Unix socket ${socketPath}: no fsync, one transaction at a time — TRIAL USE ONLY. Set DATABASE_URL for real use.`,
    );
    return {
      url: `postgres://postgres@${encodeURIComponent(socketDir)}:${port}/postgres?sslmode=disable`,
      async stop() {
        try {
          await server.stop();
          await db.close();
          rmSync(socketPath, { force: true });
          if (ownTemp) rmSync(socketDir, { recursive: true, force: true });
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
