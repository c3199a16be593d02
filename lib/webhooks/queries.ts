import 'server-only';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { authorize, type Actor } from '@/lib/teams/access';
import { endpointIdSchema } from './schemas';

/** What the settings pages read (admins only). Never the signing secret. */

const ENDPOINT_SELECT = { id: true, url: true, description: true, events: true, enabled: true, version: true, createdAt: true, updatedAt: true } as const;
export const DELIVERIES_PER_PAGE = 25;

export interface EndpointSummary {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  version: number;
  createdAt: Date;
  lastDelivery: { event: string; status: string; statusCode: number | null; at: Date } | null;
}

export async function listEndpoints(actor: Actor): Promise<EndpointSummary[]> {
  authorize(actor, 'admin', 'manage webhooks');
  const rows = await db.webhookEndpoint.findMany({
    where: { teamId: actor.teamId },
    orderBy: { createdAt: 'asc' },
    select: {
      ...ENDPOINT_SELECT,
      deliveries: { orderBy: { createdAt: 'desc' }, take: 1, select: { event: true, status: true, lastStatusCode: true, createdAt: true, deliveredAt: true } },
    },
  });
  return rows.map(({ deliveries, updatedAt: _updatedAt, ...row }) => {
    const last = deliveries[0];
    return { ...row, lastDelivery: last ? { event: last.event, status: last.status, statusCode: last.lastStatusCode, at: last.deliveredAt ?? last.createdAt } : null };
  });
}

export async function getEndpoint(actor: Actor, id: string) {
  authorize(actor, 'admin', 'manage webhooks');
  const parsed = endpointIdSchema.safeParse(id);
  const row = parsed.success ? await db.webhookEndpoint.findFirst({ where: { id: parsed.data, teamId: actor.teamId }, select: ENDPOINT_SELECT }) : null;
  if (!row) throw notFound('That webhook endpoint does not exist on this team.');
  return row;
}

/** One page (1-based) of an endpoint's deliveries, newest first, each with its attempts. */
export async function listDeliveries(actor: Actor, endpointId: string, page = 1) {
  const endpoint = await getEndpoint(actor, endpointId);
  const current = Number.isInteger(page) && page > 0 ? page : 1;
  const where = { endpointId: endpoint.id, teamId: actor.teamId };
  const [total, rows] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (current - 1) * DELIVERIES_PER_PAGE,
      take: DELIVERIES_PER_PAGE,
      select: {
        id: true,
        event: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastStatusCode: true,
        lastError: true,
        deliveredAt: true,
        createdAt: true,
        tries: { orderBy: { number: 'asc' }, select: { id: true, number: true, statusCode: true, error: true, responseSnippet: true, durationMs: true, attemptedAt: true } },
      },
    }),
  ]);
  const deliveries = rows.map(({ tries, ...d }) => ({ ...d, nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null, attemptList: tries }));
  return { endpoint, deliveries, page: current, pageCount: Math.max(1, Math.ceil(total / DELIVERIES_PER_PAGE)), total };
}
export type DeliveryPage = Awaited<ReturnType<typeof listDeliveries>>;
export type DeliveryRow = DeliveryPage['deliveries'][number];
