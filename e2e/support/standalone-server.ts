import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from '../../scripts/lib/embedded-postgres';
import { applyMigrations } from '../../scripts/lib/migrations';
import { createMigratedDatabase } from '../../scripts/testing/test-database';

/**
 * Extra production servers for the fault tests (database outage, pool exhaustion, two instances):
 * the same standalone server npm start and the Docker image run (.next/standalone, built by the
 * e2e web server before any test starts), each on its own port and a database the test controls.
 * Start them in beforeAll and stop them in afterAll: stop() is safe to call when start failed.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Every extra server signs sessions with this secret, so a session from one is valid on another. */
export const STANDALONE_AUTH_SECRET = 'standalone-e2e-secret-standalone-e2e-secret';

export interface StandaloneServer {
  url: string;
  /** False once the process has exited (crashed or stopped). */
  alive(): boolean;
  /** What the server printed (the last 64 KiB), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function startStandaloneServer(databaseUrl: string, env: Record<string, string> = {}): Promise<StandaloneServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // exit-with-parent: a worker killed mid-test (timeout, Ctrl-C) leaves no server behind.
  const child: ChildProcess = spawn(process.execPath, ['--require', path.join(ROOT, 'scripts/lib/exit-with-parent.cjs'), path.join(ROOT, '.next/standalone/server.js')], {
    cwd: path.join(ROOT, '.next/standalone'),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: STANDALONE_AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: '1',
      WEBHOOKS_DISABLED: '1',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-65_536));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server: StandaloneServer = {
    url,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    async stop() {
      if (!server.alive()) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/api/health`).then((r) => r.ok, () => false))) {
    if (!server.alive() || Date.now() > deadline) {
      await server.stop();
      throw new Error(`the standalone server did not start (is .next/standalone built?):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server;
}

/**
 * A migrated embedded PostgreSQL in its own folder that a test can stop and start again on the
 * same port and data, like an operator stopping the database under a running app.
 */
export interface StoppableDatabase {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  remove(): Promise<void>;
}

export async function startStoppableDatabase(): Promise<StoppableDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-stoppable-'));
  const dataDir = path.join(dir, 'pgdata');
  const port = await freePort();
  let running: EmbeddedPostgres | undefined = await startEmbeddedPostgres({ dataDir, port });
  const database: StoppableDatabase = {
    url: running.url,
    async stop() {
      await running?.stop();
      running = undefined;
    },
    async start() {
      running ??= await startEmbeddedPostgres({ dataDir, port });
    },
    async remove() {
      await database.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await applyMigrations(running.url, ROOT);
  } catch (error) {
    await database.remove();
    throw error;
  }
  return database;
}

/**
 * A migrated scratch database on the real PostgreSQL server the tests use (TEST_DATABASE_ADMIN_URL,
 * set by scripts/test.ts). The embedded database cannot stand in: PGlite serves every connection
 * from one session, so it cannot show locks, pools or several app instances; without a real
 * server the test fails and says so (CI always has one).
 */
export async function scratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!process.env.TEST_DATABASE_ADMIN_URL) throw new Error('this test needs a real PostgreSQL server (PostgreSQL on 127.0.0.1:5432 or DATABASE_URL): the embedded one serves every connection from one session');
  return createMigratedDatabase();
}
