import 'server-only';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { eventIdSchema, type TimelineEventView } from './schemas';

/** What every timeline read selects: enough for the editor and the API, nothing more. */
export const EVENT_SELECT = {
  id: true,
  occurredAt: true,
  kind: true,
  body: true,
  isKeyMoment: true,
  version: true,
  author: { select: { name: true } },
} as const;

export interface EventRow {
  id: string;
  occurredAt: Date;
  kind: TimelineEventView['kind'];
  body: string;
  isKeyMoment: boolean;
  version: number;
  author: { name: string } | null;
}

export function toEventView(row: EventRow): TimelineEventView {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    kind: row.kind,
    body: row.body,
    keyMoment: row.isKeyMoment,
    version: row.version,
    author: row.author?.name ?? null,
  };
}

/**
 * The timeline of an incident this actor may see (NOT_FOUND otherwise, restricted ones included),
 * in time order; entries at the same instant keep the order they were written in.
 */
export async function listTimeline(actor: Actor, incidentId: string): Promise<TimelineEventView[]> {
  if (!eventIdSchema.safeParse(incidentId).success) throw notFound('Incident not found');
  const incident = await db.incident.findFirst({ where: { ...visibleIncidentsWhere(actor), id: incidentId }, select: { id: true } });
  if (!incident) throw notFound('Incident not found');
  const rows = await db.timelineEvent.findMany({
    where: { incidentId },
    orderBy: [{ occurredAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: EVENT_SELECT,
  });
  return rows.map(toEventView);
}
