/**
 * npm test — every tier, in order: typecheck, lint, unit, integration, e2e.
 * `npm test -- unit integration` runs only the named tiers; anything after the tiers goes to the
 * e2e tier's Playwright (`npm test -- e2e e2e/accounts.spec.ts --grep invite`).
 *
 * Database: DATABASE_URL when set, else PostgreSQL on 127.0.0.1:5432 when it answers, else the
 * embedded PGlite (a laptop without PostgreSQL; there the two e2e tests that need a real server,
 * pool exhaustion and two instances, fail and say so).
 *
 * Time: the tiers run side by side (on two cores no single tier keeps the machine busy): typecheck,
 * lint, unit, integration and the production build start together, e2e once the build is ready.
 * The build skips Next's own type check when the typecheck tier runs.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from './lib/paths';

const TIERS = ['typecheck', 'lint', 'unit', 'integration', 'e2e'] as const;
type Tier = (typeof TIERS)[number];
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminUrl(): Promise<string | undefined> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const local = 'postgresql://postgres@127.0.0.1:5432/postgres';
  return (await reachable(local)) ? local : undefined;
}

/** Runs a command with its output going straight to ours (while other tiers keep running). */
function runStreaming(tier: Tier, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  console.log(`\n=== ${tier}: ${path.basename(command)} ${args.join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
    const done = (ok: boolean) => {
      console.log(`=== ${tier}: ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(ok);
    };
    child.on('error', () => done(false));
    child.on('close', (code) => done(code === 0));
  });
}

interface Captured {
  title: string;
  ok: boolean;
  output: string;
  seconds: number;
}

/** Runs a command with its output kept, to be printed in one piece when the caller is ready. */
function runCaptured(title: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Captured> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => chunks.push(d));
    const done = (ok: boolean, extra = '') => resolve({ title, ok, output: Buffer.concat(chunks).toString() + extra, seconds: (Date.now() - started) / 1000 });
    child.on('error', (error) => done(false, String(error)));
    child.on('close', (code) => done(code === 0));
  });
}

function report(tier: string, result: Captured): boolean {
  console.log(`\n=== ${tier}: ${result.title}`);
  process.stdout.write(result.output);
  console.log(`=== ${tier}: ${result.ok ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(1)} s`);
  return result.ok;
}

async function main() {
  const argv = process.argv.slice(2);
  const firstExtra = argv.findIndex((t) => !(TIERS as readonly string[]).includes(t));
  const asked = firstExtra < 0 ? argv : argv.slice(0, firstExtra);
  const playwrightArgs = firstExtra < 0 ? [] : argv.slice(firstExtra);
  const unknown = playwrightArgs.length && !asked.includes('e2e') ? playwrightArgs : [];
  if (unknown.length) {
    console.error(`unknown tier(s): ${unknown.join(', ')}; tiers are ${TIERS.join(', ')}`);
    process.exit(2);
  }
  const tiers = asked.length ? (asked as Tier[]) : [...TIERS];
  const admin = await adminUrl();
  console.log(admin ? `tests use PostgreSQL at ${new URL(admin).host}` : 'no PostgreSQL reachable: tests use the embedded database (the pool-exhaustion and two-instance e2e tests need a real one)');
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1', TEST_DATABASE_ADMIN_URL: admin ?? '' };
  delete env.DATABASE_URL; // each tier makes its own databases
  if (!admin) delete env.TEST_DATABASE_ADMIN_URL;

  // Every tier starts at once except e2e, which starts when its production build is ready (a
  // no-op when the build is current). Output: each captured tier is printed whole when it ends,
  // in tier order; the e2e tier streams.
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const side: Partial<Record<Tier, Promise<Captured>>> = {};
  if (tiers.includes('typecheck')) side.typecheck = runCaptured('tsc --noEmit -p .', bin('tsc'), ['--noEmit', '-p', '.'], env);
  if (tiers.includes('lint')) side.lint = runCaptured('eslint . --max-warnings=0', bin('eslint'), ['.', '--max-warnings=0'], env);
  if (tiers.includes('unit')) side.unit = runCaptured('vitest run --project unit', bin('vitest'), ['run', '--project', 'unit'], env);
  // Integration files wait on PostgreSQL much of the time: two at once (measured alone: 205 s with
  // one worker on two cores, 165 s with four).
  if (tiers.includes('integration')) side.integration = runCaptured('vitest run --project integration --maxWorkers=2', bin('vitest'), ['run', '--project', 'integration', '--maxWorkers=2'], env);
  const e2e = tiers.includes('e2e')
    ? runCaptured('production build (started with the other tiers)', process.execPath, [tsx, 'scripts/build.ts', '--if-stale'], { ...env, HINDSIGHT_BUILD_SKIP_TYPECHECK: tiers.includes('typecheck') ? '1' : '0' })
        .then(async (built) => report('e2e build', built) && (await runE2e(admin, env, playwrightArgs)))
    : undefined;

  const outcome = new Map<Tier, boolean>();
  for (const tier of tiers) if (tier !== 'e2e') outcome.set(tier, report(tier, await side[tier]!));
  if (e2e) outcome.set('e2e', await e2e);
  const results = tiers.map((tier) => [tier, outcome.get(tier)!] as const);
  const failed = results.filter(([, ok]) => !ok);
  console.log(`\n${results.map(([t, ok]) => `${t} ${ok ? 'ok' : 'FAILED'}`).join(', ')}`);
  console.log(`tiers: ${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}

/** E2E runs the production server (scripts/start.ts) on its own fresh database. */
async function runE2e(admin: string | undefined, env: NodeJS.ProcessEnv, playwrightArgs: string[]): Promise<boolean> {
  const e2eEnv = { ...env };
  let cleanup = async () => undefined as void;
  if (admin) {
    const name = `hs_e2e_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    e2eEnv.E2E_DATABASE_URL = u.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-e2e-'));
    e2eEnv.E2E_DATA_DIR = path.join(dir, 'pgdata');
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    return await runStreaming('e2e', bin('playwright'), ['test', ...playwrightArgs], e2eEnv);
  } finally {
    await cleanup().catch(() => undefined);
  }
}

void main();
