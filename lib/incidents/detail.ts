import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { visibleIncidentsWhere, type Actor } from '@/lib/teams/access';

/**
 * One incident by its per-team number, if this actor may see it (restricted incidents are
 * NOT_FOUND for everyone else: their existence is not disclosed). The header every incident
 * page (overview, timeline, post-mortem) starts from.
 */
export const getIncidentHeader = cache(async (actor: Actor, number: number) => {
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) throw notFound('Incident not found');
  const incident = await db.incident.findFirst({
    where: { ...visibleIncidentsWhere(actor), number },
    select: {
      id: true,
      number: true,
      title: true,
      kind: true,
      severity: true,
      status: true,
      postmortemStatus: true,
      visibility: true,
      startedAt: true,
      detectedAt: true,
      acknowledgedAt: true,
      mitigatedAt: true,
      resolvedAt: true,
      version: true,
    },
  });
  if (!incident) throw notFound('Incident not found');
  return incident;
});

export type IncidentHeader = Awaited<ReturnType<typeof getIncidentHeader>>;

/** "INC-42" from a route segment "42" or "INC-42"; NaN when it is neither. */
export function parseIncidentNumber(segment: string): number {
  const m = /^(?:inc-)?(\d{1,10})$/i.exec(decodeURIComponent(segment));
  return m ? Number(m[1]) : Number.NaN;
}
