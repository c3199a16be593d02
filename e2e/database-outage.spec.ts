import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { withClient } from '../scripts/lib/database-url';
import { signInRequest, uniqueTeam, uniqueUser } from './support/auth';
import { insertIncident, insertMembership, insertTeam, insertToken, insertUser } from './support/fixtures-db';
import { startStandaloneServer, startStoppableDatabase, type StandaloneServer, type StoppableDatabase } from './support/standalone-server';

/**
 * The database stops under a running production server while API writes flow, then comes back.
 * A second server on its own embedded PostgreSQL (the launcher's set-up: one connection), so
 * stopping it disturbs no other test.
 */
let database: StoppableDatabase | undefined;
let server: StandaloneServer | undefined;
const user = uniqueUser('outage');
const team = uniqueTeam('Outage');
let incidentId = '';
let token = '';

test.beforeAll(async () => {
  database = await startStoppableDatabase();
  await withClient(database.url, async (client) => {
    const userId = await insertUser(client, user.email, user.password);
    const teamId = await insertTeam(client, team.slug);
    await insertMembership(client, teamId, userId, 'admin');
    incidentId = (await insertIncident(client, teamId)).id;
    token = (await insertToken(client, teamId, 'editor')).token;
  });
  server = await startStandaloneServer(database.url, { DB_POOL_MAX: '1' });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.remove();
});

interface Write {
  requestId: string;
  body: string;
  status: number;
  ms: number;
}

/** Adds timeline entries one after another until told to stop (at most 400, ~25 ms apart). */
function writeLoop(appUrl: string) {
  const writes: Write[] = [];
  let stopped = false;
  const run = (async () => {
    for (let n = 0; n < 400 && !stopped; n++) {
      const requestId = `outage-${n}-${randomBytes(4).toString('hex')}`;
      const body = `Write ${requestId}`;
      const started = Date.now();
      const response = await fetch(`${appUrl}/api/v1/incidents/${incidentId}/timeline`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({ occurredAt: new Date().toISOString(), kind: 'note', body }),
        signal: AbortSignal.timeout(10_000),
      }).catch(() => null);
      writes.push({ requestId, body, status: response?.status ?? 0, ms: Date.now() - started });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const acked = () => writes.filter((w) => w.status === 201).length;
  return {
    writes,
    acked,
    async untilAcked(count: number) {
      await expect.poll(acked, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
    },
    async stop() {
      stopped = true;
      await run;
    },
  };
}

const LEAK = /at \w+ \(|\.js:\d+|ECONNREFUSED|P1001|prisma|SELECT |stack/i;

test('a database outage: 503 and a friendly page within 5 s, service within 10 s of its return, no acknowledged write lost', async ({ browser }) => {
  const appUrl = server!.url;
  const api = (path: string) => fetch(`${appUrl}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000) });
  const context = await browser.newContext({ baseURL: appUrl });
  await signInRequest(context.request, user.email, user.password);
  const page = await context.newPage();
  const incidents = `/t/${team.slug}/incidents`;
  await page.goto(incidents);
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();

  const loop = writeLoop(appUrl);
  try {
    await loop.untilAcked(3);
    await database!.stop();
    const down = Date.now();
    const writesBefore = loop.writes.length;

    // (a) A real API route: 503 with a JSON reason and Retry-After, fast, nothing internal.
    const list = await api('/api/v1/incidents');
    expect(Date.now() - down).toBeLessThan(5_000);
    expect(list.status).toBe(503);
    expect(list.headers.get('retry-after')).toMatch(/^\d+$/);
    const text = await list.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'unavailable', message: expect.stringContaining('temporarily unavailable') });
    expect(text).not.toMatch(LEAK);
    const ready = await api('/api/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
    // The liveness probe does not depend on the database: a supervisor must not restart the app.
    expect((await api('/api/health')).status).toBe(200);

    // (b) A page: a failing status and the friendly state, within 5 s, no stack trace.
    const pageStarted = Date.now();
    const response = await page.goto(incidents);
    expect(response!.status()).toBeGreaterThanOrEqual(500);
    await expect(page.getByRole('heading', { level: 1, name: 'Temporarily unavailable' })).toBeVisible({ timeout: 5_000 - (Date.now() - pageStarted) });
    await expect(page.getByText('Hindsight is temporarily unavailable (the database cannot be reached)')).toBeVisible();
    expect(await page.locator('body').innerText()).not.toMatch(LEAK);
    // Nor in the document itself (its inline RSC payload carries only the error's digest).
    expect(await response!.text()).not.toMatch(/ECONNREFUSED|P1001|prisma|reach database|findUnique/i);

    // Signing in meanwhile: the sentence the form shows says so, and no database text travels.
    const csrf = await fetch(`${appUrl}/api/auth/csrf`);
    const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const signIn = await fetch(`${appUrl}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
      body: new URLSearchParams({ csrfToken: ((await csrf.json()) as { csrfToken: string }).csrfToken, email: user.email, password: user.password, json: 'true' }),
    });
    const refusal = new URL(((await signIn.json()) as { url: string }).url).searchParams.get('error');
    expect(refusal).toContain('temporarily unavailable');
    expect(refusal).not.toMatch(LEAK);

    // (c) The writes keep failing fast (503, never a hang or a 500) and the process stays up.
    await expect.poll(() => loop.writes.length, { timeout: 5_000 }).toBeGreaterThan(writesBefore + 2);
    expect(server!.alive()).toBe(true);

    // Back: API and pages serve again within 10 s, without restarting the app.
    await database!.start();
    const up = Date.now();
    await expect.poll(async () => (await api('/api/v1/incidents')).status, { timeout: 10_000, intervals: [100] }).toBe(200);
    await expect.poll(async () => (await page.goto(incidents))?.status(), { timeout: 10_000 - (Date.now() - up), intervals: [100] }).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
    const ackedAfterReturn = loop.acked();
    await loop.untilAcked(ackedAfterReturn + 3);
  } finally {
    await loop.stop();
    await context.close();
  }
  expect(server!.alive()).toBe(true);

  // (d) Every acknowledged write is stored once with its audit row; a failed one is all or nothing.
  const failed = loop.writes.filter((w) => w.status !== 201);
  expect(failed.length, 'writes that failed during the outage').toBeGreaterThan(0);
  for (const w of failed) {
    expect(w.status, `write ${w.requestId} (${w.ms} ms)`).toBe(503);
    expect(w.ms, `write ${w.requestId}`).toBeLessThan(5_000);
  }
  await withClient(database!.url, async (client) => {
    const { rows: events } = await client.query<{ body: string }>(`SELECT body FROM "TimelineEvent" WHERE "incidentId" = $1`, [incidentId]);
    const { rows: audits } = await client.query<{ requestId: string }>(`SELECT "requestId" FROM "AuditLog" WHERE action = 'timeline.add'`);
    const stored = new Set(events.map((e) => e.body));
    const audited = new Set(audits.map((a) => a.requestId));
    expect(events.length, 'no entry stored twice').toBe(stored.size);
    for (const w of loop.writes) {
      if (w.status === 201) expect(stored.has(w.body) && audited.has(w.requestId), `acknowledged write ${w.requestId}`).toBe(true);
      else expect(stored.has(w.body), `failed write ${w.requestId}: entry and audit row together or neither`).toBe(audited.has(w.requestId));
    }
  });
});
