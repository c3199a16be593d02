import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { WebhookEnvelope, WebhookEventName, WebhookEventType } from './events';

export { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS, type WebhookEnvelope, type WebhookEventName, type WebhookEventType } from './events';

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * The outbox: queues `event` for every enabled endpoint of the team subscribed to it, inside the
 * caller's transaction, so the event exists exactly when the change commits. The dispatcher
 * (lib/webhooks/dispatch.ts) delivers the rows later. Returns how many deliveries were queued.
 */
export async function enqueueWebhookEvent(tx: Tx, teamId: string, type: WebhookEventName, data: unknown): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { teamId, enabled: true, events: { has: type } }, select: { id: true } });
  if (!endpoints.length) return 0;
  const payload = await envelopeJson(tx, teamId, type, data);
  await tx.webhookDelivery.createMany({ data: endpoints.map((e) => ({ teamId, endpointId: e.id, event: type, payload })) });
  return endpoints.length;
}

async function envelopeJson(tx: Tx, teamId: string, type: WebhookEventType, data: unknown): Promise<Prisma.InputJsonValue> {
  const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { slug: true } });
  const envelope: WebhookEnvelope = { id: randomUUID(), type, createdAt: new Date().toISOString(), team: { slug: team.slug }, data };
  return toJson(envelope);
}

/**
 * Queues a "ping" for one endpoint (enabled or not: "Send test event" checks the set-up) and
 * returns its id. `leasedUntil` keeps the background dispatcher off it while the caller sends it
 * right away (a ping gets one attempt: the admin sees the result and can press the button again).
 */
export async function enqueuePing(tx: Tx, teamId: string, endpointId: string, leasedUntil: Date): Promise<string> {
  const payload = await envelopeJson(tx, teamId, 'ping', { message: 'A test event from Hindsight. Your endpoint is reachable if it answers with a 2xx status.' });
  const row = await tx.webhookDelivery.create({ data: { teamId, endpointId, event: 'ping', payload, nextAttemptAt: leasedUntil }, select: { id: true } });
  return row.id;
}
