import { expect, test } from '@playwright/test';
import { withClient } from '../scripts/lib/database-url';
import { signInRequest, uniqueTeam, uniqueUser } from './support/auth';
import { insertAction, insertIncident, insertMembership, insertTeam, insertToken, insertUser } from './support/fixtures-db';
import { scratchPostgres, startStandaloneServer, type StandaloneServer } from './support/standalone-server';

/**
 * How a team scales out: two production servers on different ports, one PostgreSQL, the same
 * AUTH_SECRET. Nothing a user or an API client depends on may live in one process's memory.
 */
test.describe.configure({ mode: 'default' });

let scratch: Awaited<ReturnType<typeof scratchPostgres>> | undefined;
let servers: StandaloneServer[] = [];
const team = uniqueTeam('Scale');
const member = uniqueUser('scale');
const target = uniqueUser('limited');
let token = '';
let actionId = '';

test.beforeAll(async () => {
  scratch = await scratchPostgres();
  await withClient(scratch.url, async (client) => {
    const teamId = await insertTeam(client, team.slug);
    for (const user of [member, target]) await insertMembership(client, teamId, await insertUser(client, user.email, user.password), 'editor');
    const incident = await insertIncident(client, teamId);
    actionId = await insertAction(client, teamId, incident.id, { title: 'Add a canary stage' });
    token = (await insertToken(client, teamId, 'editor')).token;
  });
  const started = await Promise.allSettled([startStandaloneServer(scratch.url), startStandaloneServer(scratch.url)]);
  servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await scratch?.drop();
});

test('a session started on one instance is valid on the other', async ({ playwright }) => {
  const [a, b] = servers as [StandaloneServer, StandaloneServer];
  const onA = await playwright.request.newContext({ baseURL: a.url });
  await signInRequest(onA, member.email, member.password);
  const onB = await playwright.request.newContext({ baseURL: b.url, storageState: await onA.storageState() });
  const anonymous = await playwright.request.newContext({ baseURL: b.url });
  try {
    const page = await onB.get(`/t/${team.slug}/incidents`, { maxRedirects: 0 });
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain(`Team ${team.slug}`); // the name insertTeam gives it
    // The same request without the cookie is sent to sign in: it is the session that counts.
    expect((await anonymous.get(`/t/${team.slug}/incidents`, { maxRedirects: 0 })).status()).toBe(307);
  } finally {
    await Promise.all([onA.dispose(), onB.dispose(), anonymous.dispose()]);
  }
});

test('the sign-in limit counts failures on both instances together', async ({ playwright }) => {
  // One cookie jar per attempt: concurrent sign-ins in one jar overwrite each other's CSRF cookie.
  const contexts = await Promise.all(Array.from({ length: 12 }, (_, i) => playwright.request.newContext({ baseURL: servers[i % 2]!.url })));
  try {
    // Ten failures (the limit), five through each instance: neither saw more than five itself.
    const attempts = contexts.slice(0, 10).map((c) => signInRequest(c, target.email, `${target.password}-wrong`).then(() => 'signed in', (e: Error) => e.message));
    for (const outcome of await Promise.all(attempts)) expect(outcome).toMatch(/Wrong email or password|Too many failed sign-ins/);
    // Now even the right password is refused, on either instance.
    await expect(signInRequest(contexts[10]!, target.email, target.password)).rejects.toThrow(/Too many failed sign-ins/);
    await expect(signInRequest(contexts[11]!, target.email, target.password)).rejects.toThrow(/Too many failed sign-ins/);
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
});

test('a stale write through one instance after a write through the other is a 409', async () => {
  const [a, b] = servers as [StandaloneServer, StandaloneServer];
  const patch = (server: StandaloneServer, body: object) =>
    fetch(`${server.url}/api/v1/actions/${actionId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const first = await patch(a, { version: 1, title: 'Add a canary stage to every deploy' });
  expect(first.status).toBe(200);
  expect(await first.json()).toMatchObject({ version: 2, title: 'Add a canary stage to every deploy' });

  const stale = await patch(b, { version: 1, title: 'Roll back faster' });
  expect(stale.status).toBe(409);
  expect(await stale.json()).toMatchObject({ error: 'conflict', current: { version: 2, title: 'Add a canary stage to every deploy' } });

  // With the version it was shown, the other instance's write goes through.
  const retried = await patch(b, { version: 2, title: 'Roll back faster' });
  expect(retried.status).toBe(200);
  expect(await retried.json()).toMatchObject({ version: 3, title: 'Roll back faster' });
});
