/**
 * Embedded PostgreSQL: PGlite (Postgres compiled to WebAssembly) behind its socket server, so the
 * app talks to it with the same pg driver and SQL as to a real server. PGlite itself lets two
 * processes open one data folder and lose writes, so the data folder is guarded by a lock file
 * holding the owner's pid; a lock whose process is gone (kill -9) is taken over.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string | null;
  stop(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<dataDir>.lock` atomically; returns its release function. */
export function acquireLock(dataDir: string, owner: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, owner, since: new Date().toISOString() }));
      fs.closeSync(fd);
      return () => {
        try {
          const held = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: number };
          if (held.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let held: { pid?: number; owner?: string } = {};
      try {
        held = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as typeof held;
      } catch {
        // half-written lock of a crashed process: treat as stale
      }
      if (held.pid && held.pid !== process.pid && processAlive(held.pid)) {
        throw new EmbeddedDatabaseError(
          `the embedded database in ${dataDir} is in use by another Hindsight process (pid ${held.pid}, ${held.owner ?? 'unknown'}); stop it first`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new EmbeddedDatabaseError(`could not take the lock ${lockPath}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts PGlite on `dataDir` (null: in memory, for tests and throwaway work) and serves it on
 * 127.0.0.1:<port>. PGlite runs one transaction at a time and serves about a dozen connections.
 */
export async function startEmbeddedPostgres(options: { dataDir: string | null; port?: number; owner?: string }): Promise<EmbeddedPostgres> {
  const release = options.dataDir ? acquireLock(options.dataDir, options.owner ?? 'hindsight') : () => undefined;
  let db: PGlite | undefined;
  try {
    if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
    db = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
    const port = options.port ?? (await freePort());
    // One PGlite session serves every socket connection: callers must use one connection at a time
    // (the launcher and the test harness set DB_POOL_MAX=1), or statements interleave.
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 12 });
    await server.start();
    let stopped = false;
    const pglite = db;
    return {
      url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      port,
      dataDir: options.dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop().catch(() => undefined);
        await pglite.close().catch(() => undefined);
        release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    release();
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw new EmbeddedDatabaseError(`could not start the embedded database: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Scratch databases for migration diffs: a fresh in-memory embedded PostgreSQL each time. */
export const embeddedShadow = {
  async create() {
    const scratch = await startEmbeddedPostgres({ dataDir: null });
    return { url: scratch.url, drop: () => scratch.stop() };
  },
};
