import 'server-only';
import type { Tx } from '@/lib/db';

/** The rows of a team export, loaded with a deterministic order (see export.ts). */

const person = { select: { email: true, name: true, timeZone: true } } as const;
const stamps = { version: true, createdAt: true, updatedAt: true } as const;
const byTime = [{ createdAt: 'asc' }, { id: 'asc' }] as const;

export async function loadTeamRows(client: Tx, teamId: string) {
  const team = await client.team.findUnique({
    where: { id: teamId },
    select: { slug: true, name: true, timeZone: true, reviewWeekday: true, reviewTime: true, nextIncidentNo: true, blamelessAllowList: true, ...stamps },
  });
  if (!team) return null;
  // One query after another: inside a transaction they share one connection anyway.
  const members = await client.membership.findMany({ where: { teamId }, orderBy: { user: { email: 'asc' } }, select: { role: true, ...stamps, user: person } });
  const services = await client.service.findMany({ where: { teamId }, orderBy: { name: 'asc' }, select: { id: true, name: true, createdAt: true } });
  const templateSections = await client.templateSection.findMany({ where: { teamId }, orderBy: [{ position: 'asc' }, { key: 'asc' }], select: { id: true, key: true, title: true, guidance: true, position: true, version: true } });
  const factors = await client.contributingFactor.findMany({ where: { teamId }, orderBy: { name: 'asc' }, select: { id: true, name: true, category: true, description: true, archivedAt: true, mergedIntoId: true, ...stamps } });
  const incidents = await client.incident.findMany({
    where: { teamId },
    orderBy: { number: 'asc' },
    select: {
      id: true, number: true, title: true, kind: true, severity: true, status: true, postmortemStatus: true, visibility: true, summary: true, customerImpact: true,
      startedAt: true, detectedAt: true, acknowledgedAt: true, mitigatedAt: true, resolvedAt: true, publishedAt: true, alertSource: true, alertGroupKey: true, ...stamps,
      createdBy: person,
      services: { orderBy: { service: { name: 'asc' } }, select: { serviceId: true } },
      members: { orderBy: { user: { email: 'asc' } }, select: { user: person } },
      sections: { orderBy: [{ position: 'asc' }, { key: 'asc' }], select: { id: true, key: true, title: true, position: true, body: true, updatedBy: person, ...stamps } },
      timeline: { orderBy: [{ occurredAt: 'asc' }, { createdAt: 'asc' }, { body: 'asc' }, { id: 'asc' }], select: { id: true, occurredAt: true, kind: true, body: true, isKeyMoment: true, author: person, ...stamps } },
      factors: { orderBy: { factor: { name: 'asc' } }, select: { id: true, factorId: true, howItContributed: true, ...stamps } },
      reviews: { orderBy: { reviewer: { email: 'asc' } }, select: { id: true, state: true, comments: true, reviewer: person, ...stamps } },
      comments: { orderBy: [{ createdAt: 'asc' }, { body: 'asc' }, { id: 'asc' }], select: { id: true, sectionKey: true, parentId: true, body: true, resolvedAt: true, author: person, resolvedBy: person, ...stamps } },
      revisions: { orderBy: [{ entity: 'asc' }, { createdAt: 'asc' }, { version: 'asc' }, { id: 'asc' }], select: { id: true, entity: true, entityId: true, version: true, content: true, createdAt: true, actor: person } },
    },
  });
  const actionItems = await client.actionItem.findMany({
    where: { teamId },
    orderBy: [{ incident: { number: 'asc' } }, { createdAt: 'asc' }, { title: 'asc' }, { id: 'asc' }],
    select: {
      id: true, incidentId: true, factorId: true, timelineEventId: true, meetingId: true, title: true, description: true, type: true, priority: true, dueDate: true,
      status: true, wontDoReason: true, completedAt: true, ticketUrl: true, overdueNotifiedAt: true, ...stamps, owner: person, createdBy: person,
    },
  });
  const meetings = await client.reviewMeeting.findMany({
    where: { teamId },
    orderBy: [{ heldAt: 'asc' }, ...byTime],
    select: {
      id: true, status: true, heldAt: true, endedAt: true, periodStart: true, periodEnd: true, notes: true, decisions: true, ...stamps, facilitator: person,
      attendees: { orderBy: { user: { email: 'asc' } }, select: { user: person } },
      incidents: { orderBy: { incident: { number: 'asc' } }, select: { incidentId: true, reviewedAt: true, notes: true } },
      items: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { title: 'asc' }], select: { id: true, key: true, kind: true, refId: true, title: true, detail: true, position: true, status: true, carriedOver: true, discussedAt: true, ...stamps } },
      entries: { orderBy: [{ createdAt: 'asc' }, { body: 'asc' }, { id: 'asc' }], select: { id: true, itemId: true, kind: true, body: true, author: person, ...stamps } },
    },
  });
  const alertIntegrations = await client.alertIntegration.findMany({ where: { teamId }, orderBy: { source: 'asc' }, select: { source: true, enabled: true, applyAcknowledged: true, applyResolved: true, defaultSeverity: true } });
  const webhookEndpoints = await client.webhookEndpoint.findMany({ where: { teamId }, orderBy: [{ url: 'asc' }, { createdAt: 'asc' }], select: { url: true, description: true, events: true, enabled: true } });
  // Replies after every thread starter, whatever their times say (the import needs parents first).
  for (const incident of incidents) incident.comments.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  return { team, members, services, templateSections, factors, incidents, actionItems, meetings, alertIntegrations, webhookEndpoints };
}
