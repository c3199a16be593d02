import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const debianChromium = '/usr/bin/chromium';

// The production server on its own database: scripts/test.ts sets E2E_DATABASE_URL (real
// PostgreSQL) or E2E_DATA_DIR (embedded). It builds first when the build is missing or stale.
const serverEnv: Record<string, string> = {
  PORT: String(PORT),
  NEXT_TELEMETRY_DISABLED: '1',
  CHECKPOINT_DISABLE: '1',
  AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
  LOG_LEVEL: 'warn',
};
if (process.env.E2E_DATABASE_URL) {
  serverEnv.DATABASE_URL = process.env.E2E_DATABASE_URL;
  process.env.E2E_DB_URL = process.env.E2E_DATABASE_URL;
} else {
  // Embedded: a fixed port, so tests can reach the server's database directly to set up data.
  const dbPort = process.env.E2E_DB_PORT || String(PORT + 1);
  if (process.env.E2E_DATA_DIR) serverEnv.HINDSIGHT_DATA_DIR = process.env.E2E_DATA_DIR;
  serverEnv.HINDSIGHT_DB_PORT = dbPort;
  process.env.E2E_DB_URL = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres?sslmode=disable`;
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Measured on 2 cores: 3 workers finished the tier no sooner than 2 (the server is the bottleneck).
  workers: Number(process.env.E2E_WORKERS) || 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium when present (Playwright cannot download browsers offline); otherwise
      // Playwright's own browser (npx playwright install chromium).
      executablePath: fs.existsSync(debianChromium) ? debianChromium : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs scripts/start.ts',
    url: `${BASE_URL}/api/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: serverEnv,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGINT', timeout: 15_000 },
  },
});
