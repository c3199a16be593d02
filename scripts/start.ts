/**
 * npm start — one command from a fresh clone to a running Hindsight:
 * database (DATABASE_URL, or the embedded PGlite in .hindsight/), migrations, demo team on first
 * run, production build when missing or stale, then the server on PORT (default 3000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { redactUrl } from './lib/database-url';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
import { authSecret, prepareDatabase } from './lib/prepare-database';
import { dataDir, fail, ROOT } from './lib/paths';
import { ensureProductionBuild } from './lib/standalone';
import { DEMO_SIGN_INS, DEMO_USER, DEMO_TEAM_SLUG } from '../lib/seed/demo';

const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };

function say(message: string) {
  console.error(`hindsight: ${message}`);
}

/** The assembled standalone build (scripts/lib/standalone.ts), rebuilt when the sources changed. */
async function build(): Promise<string> {
  if (process.env.HINDSIGHT_SKIP_BUILD === '1') return path.join(ROOT, '.next/standalone');
  return ensureProductionBuild(ROOT, { env: baseEnv, onBuild: () => say('building the production app (first start or sources changed) ...') });
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the app server did not become healthy');
}

/** See startEmbeddedPostgres: the embedded database serves one session at a time. */
const EMBEDDED_POOL_MAX = 1;

async function main() {
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number (got "${process.env.PORT}")`);

  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: dataDir(),
      port: process.env.HINDSIGHT_DB_PORT ? Number(process.env.HINDSIGHT_DB_PORT) : undefined,
      owner: 'npm start',
    });
    url = embedded.url;
    say(`embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${path.relative(ROOT, dataDir()) || dataDir()}`);
  }

  const running: { server?: ChildProcess } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const server = running.server;
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    await embedded?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  let standalone = '';
  try {
    const prepared = await prepareDatabase(url, ROOT, { seedDemo: process.env.HINDSIGHT_SEED_DEMO !== 'false' });
    if (prepared.applied.length) say(`applied ${prepared.applied.length} migration(s)`);
    if (prepared.seeded) say('seeded the demo team');
    standalone = await build();
  } catch (error) {
    await embedded?.stop();
    fail(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }

  // Next's standalone server (the same one the Docker image runs); migrations are applied above.
  const server = spawn(process.execPath, ['--require', path.join(ROOT, 'scripts/lib/exit-with-parent.cjs'), path.join(standalone, 'server.js')], {
    cwd: standalone,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...baseEnv,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      AUTH_SECRET: authSecret(ROOT),
      PORT: String(port),
      // server.js binds to HOSTNAME, which shells set to the machine's name: listen everywhere like `next start`.
      HOSTNAME: process.env.HINDSIGHT_HOST || '0.0.0.0',
      // PGlite is one database session behind its socket server: two pooled connections would
      // interleave their statements and transactions (measured: "bind message supplies 1
      // parameters" and lost portals under concurrent requests). One connection, queued.
      ...(embedded ? { DB_POOL_MAX: process.env.DB_POOL_MAX ?? String(EMBEDDED_POOL_MAX) } : {}),
    },
  });
  running.server = server;
  server.on('exit', (code) => {
    if (!stopping) {
      say(`the app server stopped (exit ${code ?? 'signal'})`);
      void stop(code ?? 1);
    }
  });
  await waitForHealth(port, server);
  console.log(`\nHindsight is running at http://localhost:${port}`);
  console.log(`  database: ${embedded ? 'embedded PostgreSQL (.hindsight/)' : redactUrl(url)}`);
  console.log(`  demo team: http://localhost:${port}/t/${DEMO_TEAM_SLUG}/incidents`);
  console.log(`  demo sign-in (password ${DEMO_USER.password}):`);
  for (const s of DEMO_SIGN_INS) console.log(`    ${s.role.padEnd(6)} of ${s.team.padEnd(13)} ${s.email}`);
  console.log('  press Ctrl-C to stop\n');
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message.split('\n')[0]! : String(error)));
