import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

/** The events a webhook endpoint can subscribe to (plus "ping", sent only by "Send test event"). */
export const WEBHOOK_EVENTS = ['incident.created', 'incident.resolved', 'postmortem.published', 'action.overdue'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];
export type WebhookEventType = WebhookEventName | 'ping';

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventName, string> = {
  'incident.created': 'Incident created',
  'incident.resolved': 'Incident resolved',
  'postmortem.published': 'Post-mortem published',
  'action.overdue': 'Action item overdue',
};

/** What every delivery's JSON body looks like; `id` is the event's (the same for every endpoint). */
export interface WebhookEnvelope {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  team: { slug: string };
  data: unknown;
}

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
  const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { slug: true } });
  const envelope: WebhookEnvelope = { id: randomUUID(), type, createdAt: new Date().toISOString(), team: { slug: team.slug }, data };
  const payload = toJson(envelope);
  await tx.webhookDelivery.createMany({ data: endpoints.map((e) => ({ teamId, endpointId: e.id, event: type, payload })) });
  return endpoints.length;
}
