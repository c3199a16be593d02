import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestTeam } from '@/lib/teams/team-fixtures';
import { DELIVERY_RETENTION_DAYS, pruneWebhookDeliveries } from './retention';

describe('pruneWebhookDeliveries', () => {
  it('drops finished deliveries past the retention period with their attempts, and keeps the rest', async () => {
    const team = await createTestTeam('Webhook retention');
    const endpoint = await db.webhookEndpoint.create({ data: { teamId: team.id, url: 'http://127.0.0.1:9/x', events: ['incident.created'], secret: 's' }, select: { id: true } });
    const now = new Date('2026-11-27T12:00:00Z');
    const old = new Date(now.getTime() - (DELIVERY_RETENTION_DAYS * 86_400_000 + 1));
    const recent = new Date(now.getTime() - (DELIVERY_RETENTION_DAYS * 86_400_000 - 1));
    const make = (status: 'pending' | 'succeeded' | 'failed', createdAt: Date) =>
      db.webhookDelivery.create({ data: { teamId: team.id, endpointId: endpoint.id, event: 'incident.created', payload: {}, status, createdAt, tries: { create: [{ number: 1, statusCode: 500, durationMs: 3 }] } }, select: { id: true } });
    const gone = [await make('succeeded', old), await make('failed', old)];
    const kept = [await make('pending', old), await make('succeeded', recent), await make('failed', recent)];

    expect(await pruneWebhookDeliveries(now)).toBe(2);
    const left = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, select: { id: true } });
    expect(left.map((d) => d.id).sort()).toEqual(kept.map((d) => d.id).sort());
    expect(await db.webhookAttempt.count({ where: { deliveryId: { in: gone.map((d) => d.id) } } })).toBe(0);
    expect(await pruneWebhookDeliveries(now)).toBe(0);
  });
});
