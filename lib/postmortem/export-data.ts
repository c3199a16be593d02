import 'server-only';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { buildPostmortemMarkdown, exportFileName } from './export';

/**
 * Loads everything the Markdown export shows for one incident by number, if this actor may see
 * it (NOT_FOUND otherwise, restricted incidents included). Viewer and above.
 */
export async function exportPostmortem(actor: Actor, number: number, now = new Date()): Promise<{ fileName: string; markdown: string }> {
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) throw notFound('Incident not found');
  const incident = await db.incident.findFirst({
    where: { ...visibleIncidentsWhere(actor), number },
    select: {
      number: true,
      title: true,
      severity: true,
      kind: true,
      status: true,
      postmortemStatus: true,
      startedAt: true,
      detectedAt: true,
      acknowledgedAt: true,
      mitigatedAt: true,
      resolvedAt: true,
      publishedAt: true,
      services: { select: { service: { select: { name: true } } }, orderBy: { service: { name: 'asc' } } },
      sections: { orderBy: [{ position: 'asc' }, { key: 'asc' }], select: { title: true, body: true } },
      timeline: { orderBy: [{ occurredAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], select: { occurredAt: true, kind: true, body: true, isKeyMoment: true } },
      factors: { orderBy: { createdAt: 'asc' }, select: { howItContributed: true, factor: { select: { name: true, category: true } } } },
      actionItems: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { title: true, type: true, priority: true, dueDate: true, status: true, ticketUrl: true, owner: { select: { name: true, email: true } } },
      },
    },
  });
  if (!incident) throw notFound('Incident not found');
  const { services, sections, timeline, factors, actionItems, ...header } = incident;
  const markdown = buildPostmortemMarkdown({
    incident: { ...header, services: services.map((s) => s.service.name) },
    sections,
    timeline: timeline.map((e) => ({ occurredAt: e.occurredAt, kind: e.kind, body: e.body, keyMoment: e.isKeyMoment })),
    factors: factors.map((f) => ({ name: f.factor.name, category: f.factor.category, howItContributed: f.howItContributed })),
    actions: actionItems.map(({ owner, ...a }) => ({ ...a, owner: owner ? owner.name || owner.email : null })),
    exportedAt: now,
  });
  return { fileName: exportFileName(incident.number, incident.title), markdown };
}
