import { expect, test } from '@playwright/test';
import { withClient } from '../scripts/lib/database-url';
import pg from 'pg';
import { uniqueTeam } from './support/auth';
import { insertIncident, insertTeam, insertToken } from './support/fixtures-db';
import { scratchPostgres, startStandaloneServer, type StandaloneServer } from './support/standalone-server';

/**
 * More slow requests than database connections: a production server with a pool of 2 on its own
 * scratch database of the real PostgreSQL server, and a test connection that holds a table lock
 * the requests need (a long migration or a stuck report does the same to a real deployment).
 */
const POOL_MAX = 2;
const CONNECT_TIMEOUT_MS = 1_000;
const STATEMENT_TIMEOUT_MS = 4_000;
/** Scheduling slack on a loaded 2-core machine (less than the gap between the two timeouts). */
const MARGIN_MS = 2_000;


let scratch: Awaited<ReturnType<typeof scratchPostgres>> | undefined;
let server: StandaloneServer | undefined;
let token = '';

test.beforeAll(async () => {
  scratch = await scratchPostgres();
  await withClient(scratch.url, async (client) => {
    const teamId = await insertTeam(client, uniqueTeam('Pool').slug);
    await insertIncident(client, teamId);
    token = (await insertToken(client, teamId, 'viewer')).token;
  });
  server = await startStandaloneServer(scratch.url, {
    DB_POOL_MAX: String(POOL_MAX),
    DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
  });
});

test.afterAll(async () => {
  await server?.stop();
  await scratch?.drop();
});

interface Outcome {
  status: number;
  retryAfter: string | null;
  body: string;
  ms: number;
}

/** `n` concurrent GET /api/v1/incidents, each settling on its own. */
function burst(n: number): Promise<Outcome>[] {
  return Array.from({ length: n }, async () => {
    const started = Date.now();
    const response = await fetch(`${server!.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text(), ms: Date.now() - started };
  });
}

test('requests beyond the pool get 503 quickly, blocked ones are cut off, and the app recovers', async () => {
  const all = await Promise.all(burst(4));
  expect(all.map((o) => o.status)).toEqual([200, 200, 200, 200]);

  const locker = new pg.Client({ connectionString: scratch!.url });
  await locker.connect();
  let outcomes: Outcome[];
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Incident" IN ACCESS EXCLUSIVE MODE');
    // Every request now blocks on the lock while holding a pooled connection, or waits for one.
    outcomes = await Promise.all(burst(10));
  } finally {
    await locker.query('ROLLBACK').catch(() => undefined);
    await locker.end();
  }

  const report = JSON.stringify(outcomes.map(({ status, ms }) => ({ status, ms })));
  for (const o of outcomes) {
    expect(o.status, report).toBe(503);
    expect(o.retryAfter, report).toMatch(/^\d+$/);
    expect(JSON.parse(o.body), report).toMatchObject({ error: 'unavailable' });
    expect(o.body).not.toMatch(/at \w+ \(|timeout exceeded|canceling statement|SELECT |prisma/i);
  }
  // The excess waited at most the connect timeout for a connection that never came ...
  const quick = outcomes.filter((o) => o.ms < CONNECT_TIMEOUT_MS + MARGIN_MS);
  expect(quick.length, report).toBeGreaterThanOrEqual(10 - POOL_MAX);
  // ... and those stuck behind the lock were cancelled by the statement timeout: no request hangs.
  for (const o of outcomes) expect(o.ms, report).toBeLessThan(STATEMENT_TIMEOUT_MS + MARGIN_MS);
  expect(outcomes.some((o) => o.ms >= STATEMENT_TIMEOUT_MS), `some requests held the connections: ${report}`).toBe(true);

  // The lock is gone: every connection is usable again, nothing to restart.
  const after = await Promise.all(burst(10));
  expect(after.map((o) => o.status)).toEqual(Array(10).fill(200));
  expect(server!.alive()).toBe(true);
});
