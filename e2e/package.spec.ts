import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from '../scripts/lib/embedded-postgres';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The deployment artifact: `npm run package` (what the Dockerfile runs) produces a folder that
 * serves on its own: copied away from the source tree, `node hindsight-server.mjs` migrates an
 * empty database and serves pages, static assets and /api/ready (the image's health check).
 */
test.describe('packaged standalone server', () => {
  let dir = '';
  let database: EmbeddedPostgres | undefined;
  let server: ChildProcess | undefined;
  let output = '';

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    await database?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('npm run package gives a folder that migrates an empty database and serves', async () => {
    test.setTimeout(180_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-package-'));
    const target = path.join(dir, 'hindsight');
    const packaged = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', target], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    expect(packaged.status, packaged.stderr).toBe(0);
    expect(packaged.stdout).toContain('node ');
    for (const file of ['hindsight-server.mjs', 'server.js', 'public', '.next/static', 'prisma/migrations', 'node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm']) {
      expect(fs.existsSync(path.join(target, file)), file).toBe(true);
    }

    database = await startEmbeddedPostgres({ dataDir: null, port: await freePort() });
    const port = await freePort();
    // From the folder alone: no source tree or project node_modules above it.
    const child = spawn(process.execPath, ['hindsight-server.mjs'], {
      cwd: target,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: database.url, AUTH_SECRET: 'p'.repeat(32), DB_POOL_MAX: '1', LOG_LEVEL: 'warn', HOSTNAME: 'not-a-bindable-host.invalid' },
    });
    server = child;
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await fetch(`${base}/api/ready`).catch(() => null))?.status ?? 0, { timeout: 60_000, message: output }).toBe(200);
    expect(output).toMatch(/applied \d+ migration\(s\)/);

    const page = await fetch(`${base}/sign-in`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Sign in');
    const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    expect((await fetch(`${base}${asset}`)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await new Promise((r) => child.once('exit', (code, signal) => r(code ?? signal)))).not.toBe(1);
  });

  test('the Dockerfile and compose file build and run that same folder', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^RUN npm run package -- \/out\/hindsight$/m);
    expect(dockerfile).toMatch(/^COPY --from=build --chown=node:node \/out\/hindsight \.\/$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/api\/ready/);
    expect(dockerfile).toMatch(/^CMD \["node", "hindsight-server\.mjs"\]$/m);
    const compose = fs.readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8');
    expect(compose).toMatch(/image: postgres:/);
    expect(compose).toMatch(/build: \./);
    expect(compose).toMatch(/DATABASE_URL: postgresql:\/\/hindsight:\$\{POSTGRES_PASSWORD\}@db:5432\/hindsight/);
  });
});
