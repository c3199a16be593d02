import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestTeam, type TestTeam } from '@/lib/teams/team-fixtures';
import { MAX_ATTEMPTS } from './backoff';
import { deliverDueWebhooks } from './dispatch';
import { enqueueWebhookEvent } from './outbox';
import { verifyBody } from './signature';
import { refusedUrl, startReceiver, type TestReceiver } from './test-receiver';

let team: TestTeam;
let receiver: TestReceiver;
const SECRET = 'whsec_dispatch_test';
const MINUTE = 60_000;

beforeAll(async () => {
  team = await createTestTeam('Webhook dispatch');
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

async function endpoint(url: string, events: string[] = ['incident.created']) {
  return db.webhookEndpoint.create({ data: { teamId: team.id, url, events, secret: SECRET }, select: { id: true } });
}

/** Queues one event for every subscribed endpoint; returns the new deliveries' ids for `endpointId`. */
async function queue(endpointId: string, data: unknown = { title: 'Checkout errors' }) {
  await db.$transaction((tx) => enqueueWebhookEvent(tx, team.id, 'incident.created', data));
  return db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: 'asc' }, select: { id: true, payload: true } });
}

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('deliverDueWebhooks', () => {
  it('sends the stored envelope signed with the endpoint secret, once', async () => {
    const ep = await endpoint(receiver.url);
    const [delivery] = await queue(ep.id, { title: 'Checkout <script> “errors”' });
    const before = receiver.received.length;
    const summary = await deliverDueWebhooks({ now: at(new Date(), 1_000) });
    expect(summary).toMatchObject({ claimed: 1, succeeded: 1 });
    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]?.body ?? '')).toEqual(delivery?.payload);
    expect(JSON.parse(got[0]?.body ?? '').data.title).toBe('Checkout <script> “errors”');
    expect(got[0]?.headers['x-hindsight-delivery']).toBe(delivery?.id);
    expect(verifyBody(SECRET, got[0]?.body ?? '', String(got[0]?.headers['x-hindsight-signature']))).toBe(true);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery?.id }, include: { tries: true } });
    expect(row).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
    expect(row.tries).toEqual([expect.objectContaining({ number: 1, statusCode: 200, responseSnippet: 'ok' })]);
    expect((await deliverDueWebhooks({ now: at(new Date(), 10 * MINUTE) })).claimed).toBe(0);
    await db.webhookEndpoint.delete({ where: { id: ep.id } });
  });

  it('retries a 500 and a dropped connection on the backoff schedule, then succeeds', async () => {
    const ep = await endpoint(receiver.url);
    const [delivery] = await queue(ep.id);
    const id = delivery?.id ?? '';
    receiver.script(500, 'reset', 204);
    const t0 = at(new Date(), 1_000);

    expect(await deliverDueWebhooks({ now: t0 })).toMatchObject({ claimed: 1, retrying: 1 });
    const first = await db.webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    const wait1 = (first.nextAttemptAt?.getTime() ?? 0) - t0.getTime();
    expect(wait1).toBeGreaterThanOrEqual(24_000);
    expect(wait1).toBeLessThanOrEqual(36_000);

    // Not due before its time.
    expect((await deliverDueWebhooks({ now: at(t0, 20_000) })).claimed).toBe(0);

    const t1 = first.nextAttemptAt ?? t0;
    expect(await deliverDueWebhooks({ now: t1 })).toMatchObject({ claimed: 1, retrying: 1 });
    const second = await db.webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(second).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: null });
    expect(second.lastError).toBeTruthy();
    const wait2 = (second.nextAttemptAt?.getTime() ?? 0) - t1.getTime();
    expect(wait2).toBeGreaterThanOrEqual(0.8 * 2 * MINUTE);
    expect(wait2).toBeLessThanOrEqual(1.2 * 2 * MINUTE);

    expect(await deliverDueWebhooks({ now: second.nextAttemptAt ?? t1 })).toMatchObject({ claimed: 1, succeeded: 1 });
    const done = await db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { tries: { orderBy: { number: 'asc' } } } });
    expect(done).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 204, lastError: null, nextAttemptAt: null });
    expect(done.tries.map((t) => [t.number, t.statusCode, t.error === null])).toEqual([[1, 500, false], [2, null, false], [3, 204, true]]);
    expect(done.tries[0]?.responseSnippet).toBe('status 500');
    await db.webhookEndpoint.delete({ where: { id: ep.id } });
  });

  it('gives up after the last attempt', async () => {
    const ep = await endpoint(await refusedUrl());
    const [delivery] = await queue(ep.id);
    let now = at(new Date(), 1_000);
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const summary = await deliverDueWebhooks({ now });
      expect(summary.claimed).toBe(1);
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery?.id } });
      expect(row.attempts).toBe(i);
      if (i < MAX_ATTEMPTS) now = row.nextAttemptAt ?? now;
      else expect(row).toMatchObject({ status: 'failed', nextAttemptAt: null });
    }
    expect(await db.webhookAttempt.count({ where: { deliveryId: delivery?.id } })).toBe(MAX_ATTEMPTS);
    expect((await deliverDueWebhooks({ now: at(now, 24 * 60 * MINUTE) })).claimed).toBe(0);
    await db.webhookEndpoint.delete({ where: { id: ep.id } });
  });

  it('never sends a delivery twice when two dispatchers run at once', async () => {
    const ep = await endpoint(receiver.url);
    for (let i = 0; i < 12; i++) await queue(ep.id, { n: i });
    const before = receiver.received.length;
    const now = at(new Date(), 1_000);
    const [a, b] = await Promise.all([deliverDueWebhooks({ now, limit: 8, concurrency: 3 }), deliverDueWebhooks({ now, limit: 8, concurrency: 3 })]);
    const rest = await deliverDueWebhooks({ now, limit: 50 });
    expect(a.claimed + b.claimed + rest.claimed).toBe(12);
    const ids = receiver.received.slice(before).map((r) => r.headers['x-hindsight-delivery']);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(await db.webhookDelivery.count({ where: { endpointId: ep.id, status: 'succeeded', attempts: 1 } })).toBe(12);
    await db.webhookEndpoint.delete({ where: { id: ep.id } });
  });

  it('drops deliveries of an endpoint disabled after the event was queued', async () => {
    const ep = await endpoint(receiver.url);
    const [delivery] = await queue(ep.id);
    await db.webhookEndpoint.update({ where: { id: ep.id }, data: { enabled: false } });
    const before = receiver.received.length;
    await deliverDueWebhooks({ now: at(new Date(), 1_000) });
    expect(receiver.received.length).toBe(before);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery?.id } })).toMatchObject({ status: 'failed', attempts: 0, nextAttemptAt: null });
    await db.webhookEndpoint.delete({ where: { id: ep.id } });
  });
});
