import 'server-only';
import { z } from 'zod';
import type { ApiIncident } from '@/lib/api/openapi/responses';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { visibleIncidentsWhere, type Actor } from '@/lib/teams/access';

/** What the overview, the edit form and the REST API read of one incident. */
export const INCIDENT_RECORD_SELECT = {
  id: true,
  number: true,
  title: true,
  kind: true,
  severity: true,
  status: true,
  postmortemStatus: true,
  visibility: true,
  summary: true,
  customerImpact: true,
  startedAt: true,
  detectedAt: true,
  acknowledgedAt: true,
  mitigatedAt: true,
  resolvedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  services: { select: { service: { select: { name: true } } }, orderBy: { service: { name: 'asc' } } },
} satisfies Prisma.IncidentSelect;

export type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof INCIDENT_RECORD_SELECT }>;
export type IncidentRecord = Omit<IncidentRow, 'services'> & { services: string[] };

export function toRecord(row: IncidentRow): IncidentRecord {
  return { ...row, services: row.services.map((s) => s.service.name) };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The JSON shape of an incident in /api/v1 (ISO-8601 UTC timestamps to the millisecond; documented in lib/api/openapi). */
export function toApiIncident(r: IncidentRecord): ApiIncident {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    kind: r.kind,
    severity: r.severity,
    status: r.status,
    postmortemStatus: r.postmortemStatus,
    visibility: r.visibility,
    summary: r.summary,
    customerImpact: r.customerImpact,
    startedAt: r.startedAt.toISOString(),
    detectedAt: iso(r.detectedAt),
    acknowledgedAt: iso(r.acknowledgedAt),
    mitigatedAt: iso(r.mitigatedAt),
    resolvedAt: iso(r.resolvedAt),
    services: r.services,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type { ApiIncident };

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** One incident by id, if this actor may see it; NOT_FOUND otherwise (restricted ones are not disclosed). */
export async function getIncidentById(actor: Actor, id: string): Promise<IncidentRecord> {
  if (!isUuid(id)) throw notFound('Incident not found');
  const row = await db.incident.findFirst({ where: { id, ...visibleIncidentsWhere(actor) }, select: INCIDENT_RECORD_SELECT });
  if (!row) throw notFound('Incident not found');
  return toRecord(row);
}

/** One incident by its per-team number (the pages' address). */
export async function getIncidentByNumber(actor: Actor, number: number): Promise<IncidentRecord> {
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) throw notFound('Incident not found');
  const row = await db.incident.findFirst({ where: { number, ...visibleIncidentsWhere(actor) }, select: INCIDENT_RECORD_SELECT });
  if (!row) throw notFound('Incident not found');
  return toRecord(row);
}

/** The API's GET /incidents/{id}: the incident with its timeline, oldest entry first. */
export async function getApiIncidentWithTimeline(actor: Actor, id: string) {
  const incident = await getIncidentById(actor, id);
  const timeline = await db.timelineEvent.findMany({
    where: { incidentId: incident.id },
    orderBy: [{ occurredAt: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, occurredAt: true, kind: true, body: true, isKeyMoment: true, version: true },
  });
  return {
    ...toApiIncident(incident),
    timeline: timeline.map((e) => ({ id: e.id, occurredAt: e.occurredAt.toISOString(), kind: e.kind, body: e.body, keyMoment: e.isKeyMoment, version: e.version })),
  };
}

export { isUuid };
