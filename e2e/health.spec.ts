import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from '../scripts/lib/embedded-postgres';
import { applyMigrations } from '../scripts/lib/migrations';

const ROOT = path.resolve(import.meta.dirname, '..');

test('health answers without the database and ready confirms database and migrations', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  expect(health.headers()['x-request-id']).toBeTruthy();

  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
});

/** A second production server on its own embedded database, which the test stops and restarts. */
test.describe('when the database stops', () => {
  let dir = '';
  let database: EmbeddedPostgres | undefined;
  let server: ChildProcess | undefined;
  let dbPort = 0;
  let appUrl = '';

  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-ready-'));
    dbPort = await freePort();
    database = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pgdata'), port: dbPort });
    await applyMigrations(database.url, ROOT);
    const appPort = await freePort();
    appUrl = `http://127.0.0.1:${appPort}`;
    // The standalone server npm start and the Docker image run (built by the e2e web server).
    server = spawn(process.execPath, [path.join(ROOT, '.next/standalone/server.js')], {
      cwd: path.join(ROOT, '.next/standalone'),
      stdio: 'ignore',
      env: { ...process.env, PORT: String(appPort), HOSTNAME: '127.0.0.1', NODE_ENV: 'production', DATABASE_URL: database.url, AUTH_SECRET: 'x'.repeat(32), NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'silent' },
    });
    await expect.poll(async () => (await fetch(`${appUrl}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
  });

  test.afterAll(async () => {
    server?.kill('SIGTERM');
    await database?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('ready answers 503 with a reason within 5 s, then 200 again once it is back', async () => {
    await expect.poll(async () => (await fetch(`${appUrl}/api/ready`)).status, { timeout: 15_000 }).toBe(200);

    await database!.stop();
    const started = Date.now();
    const down = await fetch(`${appUrl}/api/ready`);
    expect(down.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
    const body = (await down.json()) as { status: string; reason: string };
    expect(body).toEqual({ status: 'unavailable', reason: 'database unreachable' });
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|ECONNREFUSED|stack/i);

    // The liveness probe does not depend on the database.
    expect((await fetch(`${appUrl}/api/health`)).status).toBe(200);

    database = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pgdata'), port: dbPort });
    await expect.poll(async () => (await fetch(`${appUrl}/api/ready`)).status, { timeout: 10_000 }).toBe(200);
  });
});
