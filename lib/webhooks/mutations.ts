import 'server-only';
import { randomBytes } from 'node:crypto';
import { writeAudit } from '@/lib/audit/write';
import { db, type Tx } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import { authorize, requireUserActor, type Actor } from '@/lib/teams/access';
import { deliverOne, LEASE_MS } from './dispatch';
import { enqueuePing } from './outbox';
import { createEndpointSchema, endpointIdSchema, updateEndpointSchema } from './schemas';

/**
 * Managing a team's webhook endpoints: admins only, signed-in users only (a leaked API token must
 * not be able to redirect the team's events). Secrets are returned once, at creation and
 * rotation, and never written to the audit log.
 */

const PUBLIC_SELECT = { id: true, url: true, description: true, events: true, enabled: true, version: true, createdAt: true } as const;
const STALE = 'Someone else changed this endpoint after you opened it. Nothing of yours was saved; the form now shows the current settings.';

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function manage(actor: Actor, what: string): string {
  authorize(actor, 'admin', what);
  return requireUserActor(actor);
}

async function audit(tx: Tx, actor: Actor, action: string, entityId: string, before?: unknown, after?: unknown) {
  await writeAudit(tx, { teamId: actor.teamId, actorId: actor.userId, action, entity: 'webhook_endpoint', entityId, before, after, ip: actor.ip, requestId: actor.requestId });
}

const NO_ENDPOINT = 'That webhook endpoint does not exist on this team.';

async function findEndpoint(tx: Tx, actor: Actor, rawId: unknown) {
  const parsed = endpointIdSchema.safeParse(rawId);
  const row = parsed.success ? await tx.webhookEndpoint.findFirst({ where: { id: parsed.data, teamId: actor.teamId }, select: PUBLIC_SELECT }) : null;
  if (!row) throw notFound(NO_ENDPOINT);
  return row;
}

export async function createEndpoint(actor: Actor, input: unknown) {
  const userId = manage(actor, 'manage webhooks');
  const data = createEndpointSchema.parse(input);
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({ data: { ...data, teamId: actor.teamId, secret, createdById: userId }, select: PUBLIC_SELECT });
    await audit(tx, actor, 'webhook.create', row.id, undefined, { url: row.url, description: row.description, events: row.events, enabled: row.enabled });
    return { endpoint: row, secret };
  });
}

/** Changes URL, description, events and enabled if the endpoint is still at `version` (CONFLICT otherwise). */
export async function updateEndpoint(actor: Actor, id: unknown, input: unknown) {
  manage(actor, 'manage webhooks');
  const { version, ...data } = updateEndpointSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await findEndpoint(tx, actor, id);
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id: before.id, teamId: actor.teamId, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw conflict(STALE, before);
    const after = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: before.id }, select: PUBLIC_SELECT });
    const pick = (e: typeof before) => ({ url: e.url, description: e.description, events: e.events, enabled: e.enabled });
    await audit(tx, actor, 'webhook.update', before.id, pick(before), pick(after));
    return after;
  });
}

/** A new signing secret, effective for every delivery sent from now on (including retries). */
export async function rotateEndpointSecret(actor: Actor, id: unknown) {
  manage(actor, 'manage webhooks');
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, actor, id);
    // updateMany/deleteMany: a concurrent delete since the read is a 404, not a failed query.
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id }, data: { secret, version: { increment: 1 } } });
    if (count === 0) throw notFound(NO_ENDPOINT);
    await audit(tx, actor, 'webhook.rotate_secret', endpoint.id, undefined, { url: endpoint.url });
    return { secret };
  });
}

/** Deletes the endpoint with its deliveries (pending ones are never sent). */
export async function deleteEndpoint(actor: Actor, id: unknown): Promise<void> {
  manage(actor, 'manage webhooks');
  await db.$transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, actor, id);
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: endpoint.id } });
    if (count === 0) throw notFound(NO_ENDPOINT);
    await audit(tx, actor, 'webhook.delete', endpoint.id, { url: endpoint.url, description: endpoint.description, events: endpoint.events, enabled: endpoint.enabled });
  });
}

/**
 * "Send test event": queues a ping for the endpoint and sends it now (within the send timeout),
 * returning what the receiver answered. The ping stays in the delivery log.
 */
export async function sendTestEvent(actor: Actor, id: unknown) {
  manage(actor, 'send webhook test events');
  const now = new Date();
  const deliveryId = await db.$transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, actor, id);
    const created = await enqueuePing(tx, actor.teamId, endpoint.id, new Date(now.getTime() + LEASE_MS));
    await audit(tx, actor, 'webhook.test', endpoint.id, undefined, { url: endpoint.url, deliveryId: created });
    return created;
  });
  const { outcome, result } = await deliverOne(deliveryId, now);
  return { deliveryId, ok: outcome === 'succeeded', statusCode: result?.statusCode ?? null, error: result?.error ?? null, durationMs: result?.durationMs ?? 0 };
}
