import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { errorFields, log } from '@/lib/log';
import { nextAttemptAt } from './backoff';
import { sendWebhook, SEND_TIMEOUT_MS, type SendResult } from './http-send';

/**
 * The dispatcher: sends due outbox rows (lib/webhooks/outbox.ts). Several app instances may run
 * it at once: a claim takes rows with FOR UPDATE SKIP LOCKED and pushes their nextAttemptAt one
 * lease ahead in the same statement, so no other dispatcher picks them up while this one sends,
 * and a crash mid-send just means the row comes due again when the lease ends.
 */

/** Longer than a send can take (timeout plus writing the result), so a lease never ends mid-send. */
export const LEASE_MS = SEND_TIMEOUT_MS * 6;

export interface DispatchOptions {
  now?: Date;
  limit?: number;
  concurrency?: number;
}

export interface DispatchSummary {
  claimed: number;
  succeeded: number;
  retrying: number;
  failed: number;
}

/** Claims up to `limit` due deliveries (one short statement = one short transaction). */
async function claimDue(now: Date, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH due AS (
      SELECT "id" FROM "WebhookDelivery"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now}::timestamptz
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "WebhookDelivery" d SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}::timestamptz
    FROM due WHERE d."id" = due."id"
    RETURNING d."id"::text AS "id"`);
  return rows.map((r) => r.id);
}

/** Serializes the stored envelope in its documented key order (jsonb does not keep key order). */
export function envelopeBody(payload: Prisma.JsonValue): string {
  const p = (payload ?? {}) as Record<string, unknown>;
  return JSON.stringify({ id: p.id, type: p.type, createdAt: p.createdAt, team: p.team, data: p.data });
}

export type DeliveryOutcome = 'succeeded' | 'retrying' | 'failed';

/**
 * Sends one claimed delivery and records the attempt. Deliveries of endpoints disabled (or
 * deleted) since the event was queued are dropped as failed without sending; a ping is sent anyway
 * and gets a single attempt.
 */
export async function deliverOne(deliveryId: string, now: Date = new Date()): Promise<{ outcome: DeliveryOutcome; result: SendResult | null }> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, event: true, payload: true, attempts: true, status: true, endpoint: { select: { url: true, secret: true, enabled: true } } },
  });
  if (!delivery || delivery.status !== 'pending') return { outcome: 'failed', result: null };
  const isPing = delivery.event === 'ping';
  if (!delivery.endpoint.enabled && !isPing) {
    await db.webhookDelivery.updateMany({ where: { id: deliveryId, status: 'pending' }, data: { status: 'failed', nextAttemptAt: null, lastError: 'The endpoint was disabled before this event was sent.' } });
    return { outcome: 'failed', result: null };
  }
  const result = await sendWebhook(delivery.endpoint.url, envelopeBody(delivery.payload), { event: delivery.event, deliveryId, secret: delivery.endpoint.secret });
  const number = delivery.attempts + 1;
  const retryAt = result.ok || isPing ? null : nextAttemptAt(number, now);
  const outcome: DeliveryOutcome = result.ok ? 'succeeded' : retryAt ? 'retrying' : 'failed';
  await db.$transaction([
    db.webhookAttempt.create({ data: { deliveryId, number, statusCode: result.statusCode, error: result.error, responseSnippet: result.responseSnippet, durationMs: result.durationMs, attemptedAt: now } }),
    db.webhookDelivery.updateMany({
      // The attempt count guards against a second sender after an expired lease overwriting this one.
      where: { id: deliveryId, attempts: delivery.attempts },
      data: {
        attempts: number,
        status: outcome === 'retrying' ? 'pending' : outcome,
        nextAttemptAt: retryAt,
        lastStatusCode: result.statusCode,
        lastError: result.error,
        deliveredAt: result.ok ? now : null,
      },
    }),
  ]);
  return { outcome, result };
}

/**
 * One dispatcher tick: claims the due deliveries and sends them, at most `concurrency` at a time.
 * Never throws (the background loop must survive a database outage): errors are logged.
 */
export async function deliverDueWebhooks({ now = new Date(), limit = 50, concurrency = 4 }: DispatchOptions = {}): Promise<DispatchSummary> {
  const summary: DispatchSummary = { claimed: 0, succeeded: 0, retrying: 0, failed: 0 };
  let ids: string[];
  try {
    ids = await claimDue(now, limit);
  } catch (error) {
    log('error', 'webhooks: could not claim due deliveries', errorFields(error));
    return summary;
  }
  summary.claimed = ids.length;
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      try {
        const { outcome } = await deliverOne(id, now);
        summary[outcome] += 1;
      } catch (error) {
        // The lease makes the row come due again later.
        log('error', 'webhooks: delivery failed to record', { deliveryId: id, ...errorFields(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  if (ids.length) log('info', 'webhooks: dispatched', { ...summary });
  return summary;
}
