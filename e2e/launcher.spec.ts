import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, test } from '@playwright/test';
import { freePort } from '../scripts/lib/embedded-postgres';

const ROOT = path.resolve(import.meta.dirname, '..');

/** `npm start` as a single process (node + tsx loader), so the test can kill -9 exactly the launcher. */
function launch(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

const exited = (child: ChildProcess) => new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));

async function withDb<T>(port: number, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

test('embedded launcher: one owner at a time, and kill -9 loses no committed data and leaves no blocking lock', async () => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-launcher-'));
  const [appPort, dbPort, otherPort] = [await freePort(), await freePort(), await freePort()];
  const env = { HINDSIGHT_DATA_DIR: path.join(dir, 'pgdata'), PORT: String(appPort), HINDSIGHT_DB_PORT: String(dbPort), AUTH_SECRET: 'k'.repeat(32) };
  try {
    const first = launch(env);
    await expect.poll(() => first.output(), { timeout: 120_000 }).toContain('Hindsight is running');
    expect(first.output()).toMatch(/admin  of demo +demo@hindsight.local/);
    expect((await fetch(`http://127.0.0.1:${appPort}/api/ready`)).status).toBe(200);

    const second = launch({ ...env, PORT: String(otherPort), HINDSIGHT_DB_PORT: '' });
    expect(await exited(second.child)).toBe(1);
    expect(second.output()).toMatch(/hindsight: the embedded database .* is in use by another Hindsight process \(pid \d+, npm start\); stop it first/);
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace

    await withDb(dbPort, (c) => c.query(`INSERT INTO "Team"(id, slug, name, "updatedAt") VALUES (gen_random_uuid(), 'committed-before-kill', 'K', now())`));
    first.child.kill('SIGKILL');
    await exited(first.child);
    // The app server notices its launcher is gone and frees the port.
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${appPort}/api/health`).catch(() => null)) === null, { timeout: 10_000 }).toBe(true);

    const third = launch(env);
    await expect.poll(() => third.output(), { timeout: 120_000 }).toContain('Hindsight is running');
    const slugs = await withDb(dbPort, async (c) => (await c.query<{ slug: string }>('SELECT slug FROM "Team" ORDER BY slug')).rows.map((r) => r.slug));
    expect(slugs).toEqual(['committed-before-kill', 'data-platform', 'demo']);
    third.child.kill('SIGINT');
    expect(await exited(third.child)).toBe(0);
    expect(fs.existsSync(`${env.HINDSIGHT_DATA_DIR}.lock`)).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
