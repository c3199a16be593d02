/**
 * Test fixtures for the incidents integration tests: incidents written straight to the database
 * (numbers allocated like the app does), with services, named members, post-mortem sections
 * and timeline entries, so the search triggers run on realistic writes.
 */
import { db } from '@/lib/db';
import type { IncidentKind, IncidentStatus, Severity, Visibility } from '@/lib/generated/prisma/enums';

export interface IncidentFixture {
  title: string;
  severity: Severity;
  startedAt: string;
  /** Minutes from start to resolution; omitted while unresolved. */
  resolvedAfterMinutes?: number;
  /** Seconds from start to resolution (exact; wins over resolvedAfterMinutes). */
  resolvedAfterSeconds?: number;
  kind?: IncidentKind;
  status?: IncidentStatus;
  visibility?: Visibility;
  summary?: string;
  customerImpact?: string;
  services?: string[];
  /** Users named on the incident (what makes a restricted incident visible to a non-admin). */
  members?: string[];
  sections?: Record<string, string>;
  timeline?: string[];
}

export async function createIncident(teamId: string, fx: IncidentFixture): Promise<{ id: string; number: number }> {
  const team = await db.team.update({ where: { id: teamId }, data: { nextIncidentNo: { increment: 1 } }, select: { nextIncidentNo: true } });
  const startedAt = new Date(fx.startedAt);
  const resolvedAfterMs = fx.resolvedAfterSeconds !== undefined ? fx.resolvedAfterSeconds * 1000 : fx.resolvedAfterMinutes !== undefined ? fx.resolvedAfterMinutes * 60_000 : null;
  const resolvedAt = resolvedAfterMs === null ? null : new Date(startedAt.getTime() + resolvedAfterMs);
  const services = await Promise.all(
    (fx.services ?? []).map((name) =>
      db.service.upsert({ where: { teamId_name: { teamId, name } }, create: { teamId, name }, update: {}, select: { id: true } }),
    ),
  );
  return db.incident.create({
    data: {
      teamId,
      number: team.nextIncidentNo - 1,
      title: fx.title,
      severity: fx.severity,
      kind: fx.kind ?? 'incident',
      status: fx.status ?? (resolvedAt ? 'resolved' : 'active'),
      visibility: fx.visibility ?? 'team',
      summary: fx.summary ?? '',
      customerImpact: fx.customerImpact ?? '',
      startedAt,
      resolvedAt,
      services: { create: services.map((s) => ({ serviceId: s.id })) },
      members: { create: (fx.members ?? []).map((userId) => ({ userId })) },
      sections: { create: Object.entries(fx.sections ?? {}).map(([key, body], position) => ({ key, title: key, position, body })) },
      timeline: { create: (fx.timeline ?? []).map((body, i) => ({ body, occurredAt: new Date(startedAt.getTime() + i * 60_000) })) },
    },
    select: { id: true, number: true },
  });
}
