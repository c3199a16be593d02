import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/teams/access';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { createEndpoint, deleteEndpoint, rotateEndpointSecret, sendTestEvent, updateEndpoint } from './mutations';
import { getEndpoint, listDeliveries, listEndpoints } from './queries';
import { verifyBody } from './signature';
import { refusedUrl, startReceiver, type TestReceiver } from './test-receiver';

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;
let viewer: TestMember;
let receiver: TestReceiver;

beforeAll(async () => {
  team = await createTestTeam('Webhook settings');
  admin = await team.add('admin');
  editor = await team.add('editor');
  viewer = await team.add('viewer');
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const input = (url: string) => ({ url, description: 'Chat bridge', events: ['incident.created', 'incident.resolved'] });

describe('managing webhook endpoints', () => {
  it('creates an endpoint, shows its secret once, and never lists or audits the secret', async () => {
    const { endpoint, secret } = await createEndpoint(admin.actor, input('https://hooks.example.com/a'));
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toMatchObject({ url: 'https://hooks.example.com/a', events: ['incident.created', 'incident.resolved'], enabled: true, version: 1 });
    expect(JSON.stringify(endpoint)).not.toContain(secret);
    const listed = await listEndpoints(admin.actor);
    expect(listed).toEqual([expect.objectContaining({ id: endpoint.id, lastDelivery: null })]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(await getEndpoint(admin.actor, endpoint.id))).not.toContain(secret);
    const audit = await db.auditLog.findMany({ where: { teamId: team.id, entityId: endpoint.id } });
    expect(audit.map((a) => a.action)).toEqual(['webhook.create']);
    expect(JSON.stringify(audit)).not.toContain(secret);
    await deleteEndpoint(admin.actor, endpoint.id);
  });

  it('is for admins signed in as users only', async () => {
    const tokenAdmin: Actor = { userId: null, tokenId: crypto.randomUUID(), teamId: team.id, teamSlug: team.slug, role: 'admin' };
    for (const actor of [editor.actor, viewer.actor, tokenAdmin]) {
      expect(await errorCode(createEndpoint(actor, input('https://hooks.example.com/x')))).toBe('FORBIDDEN');
    }
    const { endpoint } = await createEndpoint(admin.actor, input('https://hooks.example.com/b'));
    for (const actor of [editor.actor, viewer.actor]) {
      expect(await errorCode(listEndpoints(actor))).toBe('FORBIDDEN');
      expect(await errorCode(listDeliveries(actor, endpoint.id))).toBe('FORBIDDEN');
      expect(await errorCode(updateEndpoint(actor, endpoint.id, { ...input('https://evil.example/'), version: 1 }))).toBe('FORBIDDEN');
      expect(await errorCode(rotateEndpointSecret(actor, endpoint.id))).toBe('FORBIDDEN');
      expect(await errorCode(sendTestEvent(actor, endpoint.id))).toBe('FORBIDDEN');
      expect(await errorCode(deleteEndpoint(actor, endpoint.id))).toBe('FORBIDDEN');
    }
    // Another team's admin cannot reach it.
    const other = await (await createTestTeam('Other')).add('admin');
    expect(await errorCode(updateEndpoint(other.actor, endpoint.id, { ...input('https://evil.example/'), version: 1 }))).toBe('NOT_FOUND');
    expect(await errorCode(deleteEndpoint(other.actor, endpoint.id))).toBe('NOT_FOUND');
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ url: 'https://hooks.example.com/b', version: 1 });
    await deleteEndpoint(admin.actor, endpoint.id);
  });

  it('updates at the current version and answers CONFLICT to a stale one', async () => {
    const { endpoint } = await createEndpoint(admin.actor, input('https://hooks.example.com/c'));
    const updated = await updateEndpoint(admin.actor, endpoint.id, { url: 'https://hooks.example.com/c2', description: '', events: ['action.overdue'], enabled: false, version: 1 });
    expect(updated).toMatchObject({ url: 'https://hooks.example.com/c2', events: ['action.overdue'], enabled: false, version: 2 });
    expect(await errorCode(updateEndpoint(admin.actor, endpoint.id, { ...input('https://hooks.example.com/lost'), version: 1 }))).toBe('CONFLICT');
    expect((await getEndpoint(admin.actor, endpoint.id)).url).toBe('https://hooks.example.com/c2');
    expect(await auditCount(team.id, 'webhook.update')).toBeGreaterThanOrEqual(1);
    await deleteEndpoint(admin.actor, endpoint.id);
    expect(await errorCode(getEndpoint(admin.actor, endpoint.id))).toBe('NOT_FOUND');
  });

  it('sends a signed test event now, logs it, and signs later deliveries with a rotated secret', async () => {
    const { endpoint, secret } = await createEndpoint(admin.actor, input(receiver.url));
    const result = await sendTestEvent(admin.actor, endpoint.id);
    expect(result).toMatchObject({ ok: true, statusCode: 200, error: null });
    const got = receiver.received.at(-1);
    expect(got?.headers['x-hindsight-event']).toBe('ping');
    expect(JSON.parse(got?.body ?? '')).toMatchObject({ type: 'ping', team: { slug: team.slug } });
    expect(verifyBody(secret, got?.body ?? '', String(got?.headers['x-hindsight-signature']))).toBe(true);

    const { secret: rotated } = await rotateEndpointSecret(admin.actor, endpoint.id);
    expect(rotated).not.toBe(secret);
    await sendTestEvent(admin.actor, endpoint.id);
    const again = receiver.received.at(-1);
    expect(verifyBody(rotated, again?.body ?? '', String(again?.headers['x-hindsight-signature']))).toBe(true);
    expect(verifyBody(secret, again?.body ?? '', String(again?.headers['x-hindsight-signature']))).toBe(false);

    const log = await listDeliveries(admin.actor, endpoint.id);
    expect(log.total).toBe(2);
    expect(log.deliveries[0]).toMatchObject({ event: 'ping', status: 'succeeded', attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
    expect(log.deliveries[0]?.attemptList).toEqual([expect.objectContaining({ number: 1, statusCode: 200 })]);
    expect((await listEndpoints(admin.actor)).find((e) => e.id === endpoint.id)?.lastDelivery).toMatchObject({ event: 'ping', status: 'succeeded', statusCode: 200 });
    expect(JSON.stringify(log)).not.toContain(rotated);
  });

  it('reports an unreachable endpoint in the test result without retrying the ping', async () => {
    const { endpoint } = await createEndpoint(admin.actor, input(await refusedUrl()));
    const result = await sendTestEvent(admin.actor, endpoint.id);
    expect(result.ok).toBe(false);
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/ECONNREFUSED/);
    const [delivery] = (await listDeliveries(admin.actor, endpoint.id)).deliveries;
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
  });

  it('validates input with field paths', async () => {
    const error = await createEndpoint(admin.actor, { url: 'https://u:p@example.com', events: [] }).catch((e: unknown) => e);
    expect((error as { issues?: { path: unknown[] }[] }).issues?.map((i) => i.path.join('.')).sort()).toEqual(['events', 'url']);
  });
});
