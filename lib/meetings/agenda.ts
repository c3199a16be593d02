// TEMPORARY: replaced by the agenda helper's version at merge
import 'server-only';
import { db } from '@/lib/db';
import { authorize, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import type { Agenda, AgendaItem, AgendaSection } from './agenda-types';

const WEEK_MS = 7 * 86_400_000;

/**
 * A minimal agenda so the meeting can run before the agenda helper's builder is merged: the
 * incidents started since the last meeting ended (or in the last 7 days) that no meeting reviewed,
 * the items the last meeting did not reach, and the metrics snapshot.
 */
export async function buildAgenda(actor: Actor, { now = new Date() }: { now?: Date } = {}): Promise<Agenda> {
  authorize(actor, 'viewer', 'see the review agenda');
  const last = await db.reviewMeeting.findFirst({
    where: { teamId: actor.teamId, status: 'ended' },
    orderBy: { endedAt: 'desc' },
    select: { endedAt: true, items: { where: { status: 'carried_over' }, orderBy: { position: 'asc' }, select: { key: true, kind: true, refId: true, title: true, detail: true } } },
  });
  const periodStart = last?.endedAt ?? new Date(now.getTime() - WEEK_MS);
  const incidents = await db.incident.findMany({
    where: { ...visibleIncidentsWhere(actor), startedAt: { gte: periodStart, lt: now }, meetingReviews: { none: { reviewedAt: { not: null } } } },
    orderBy: { startedAt: 'asc' },
    select: { id: true, number: true, title: true, severity: true },
  });
  const slug = encodeURIComponent(actor.teamSlug);
  const carried = new Map(last?.items.map((i) => [i.key, i]) ?? []);
  const items: AgendaItem[] = incidents.map((i) => ({
    key: `incident:${i.id}`,
    kind: 'incident',
    refId: i.id,
    title: `INC-${i.number}: ${i.title}`,
    detail: i.severity,
    href: `/t/${slug}/incidents/${i.number}`,
    carriedOver: carried.delete(`incident:${i.id}`),
  }));
  const visible = new Set(incidents.map((i) => i.id));
  for (const c of carried.values()) {
    if (c.kind !== 'incident' || !c.refId || visible.has(c.refId)) continue;
    const ok = await db.incident.findFirst({ where: { ...visibleIncidentsWhere(actor), id: c.refId, meetingReviews: { none: { reviewedAt: { not: null } } } }, select: { number: true } });
    if (ok) items.push({ key: c.key, kind: 'incident', refId: c.refId, title: c.title, detail: c.detail, href: `/t/${slug}/incidents/${ok.number}`, carriedOver: true });
  }
  const sections: AgendaSection[] = [
    { kind: 'incident', title: 'New incidents', items },
    { kind: 'metrics', title: 'Metrics', items: [{ key: 'metrics', kind: 'metrics', refId: null, title: 'MTTR and MTBF this period', detail: '', href: `/t/${slug}/metrics`, carriedOver: carried.has('metrics') }] },
  ];
  return { periodStart, periodEnd: now, sections };
}
