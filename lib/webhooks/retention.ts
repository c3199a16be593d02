import 'server-only';
import { db } from '@/lib/db';

/** How long the delivery log keeps finished deliveries (and their attempts). */
export const DELIVERY_RETENTION_DAYS = 30;

/**
 * Deletes succeeded and failed deliveries older than the retention period (attempts go with them
 * by cascade); pending ones are kept whatever their age. Runs from the background loop's
 * once-a-minute step, so the log does not grow without bound. Returns how many went.
 */
export async function pruneWebhookDeliveries(now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_RETENTION_DAYS * 86_400_000);
  const { count } = await db.webhookDelivery.deleteMany({ where: { status: { in: ['succeeded', 'failed'] }, createdAt: { lt: before } } });
  return count;
}
