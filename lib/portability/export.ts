import 'server-only';
import { writeAudit } from '@/lib/audit/write';
import { db, type Tx } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { authorize, type Actor } from '@/lib/teams/access';
import { EXPORT_FORMAT, EXPORT_VERSION, type TeamExportJson } from './schemas';
import { loadTeamRows } from './export-rows';

/**
 * The JSON export of a whole team (admins only, so restricted incidents are always included).
 * Deterministic: rows are ordered by what they say (numbers, positions, times, then text), never by
 * id, so two exports of the same data, or of a team and its imported copy, compare equal once the
 * ids are renamed. `buildTeamExport` takes any Prisma client and a team id, for scripts (backup).
 */

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const versioned = (r: { version: number; createdAt: Date; updatedAt: Date }) => ({ version: r.version, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) });
type Person = { email: string; name: string; timeZone: string | null } | null;

export async function buildTeamExport(client: Tx, teamId: string, now = new Date()): Promise<TeamExportJson> {
  const rows = await loadTeamRows(client, teamId);
  if (!rows) throw notFound('Team not found');
  const { team, members, services, templateSections, factors, incidents, actionItems, meetings, alertIntegrations, webhookEndpoints } = rows;

  const people = new Map<string, { email: string; name: string; timeZone: string | null }>();
  const who = (user: Person): string | null => {
    if (!user) return null;
    people.set(user.email, { email: user.email, name: user.name, timeZone: user.timeZone });
    return user.email;
  };
  const mustWho = (user: NonNullable<Person>): string => who(user) ?? user.email;

  const document: TeamExportJson = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    team: { ...team, createdAt: iso(team.createdAt), updatedAt: iso(team.updatedAt) },
    users: [],
    members: members.map((m) => ({ email: mustWho(m.user), role: m.role, ...versioned(m) })),
    services: services.map((s) => ({ id: s.id, name: s.name, createdAt: iso(s.createdAt) })),
    templateSections,
    factors: factors.map((f) => ({ id: f.id, name: f.name, category: f.category, description: f.description, archivedAt: isoOrNull(f.archivedAt), mergedInto: f.mergedIntoId, ...versioned(f) })),
    incidents: incidents.map((i) => ({
      id: i.id, number: i.number, title: i.title, kind: i.kind, severity: i.severity, status: i.status, postmortemStatus: i.postmortemStatus, visibility: i.visibility,
      summary: i.summary, customerImpact: i.customerImpact, startedAt: iso(i.startedAt), detectedAt: isoOrNull(i.detectedAt), acknowledgedAt: isoOrNull(i.acknowledgedAt),
      mitigatedAt: isoOrNull(i.mitigatedAt), resolvedAt: isoOrNull(i.resolvedAt), publishedAt: isoOrNull(i.publishedAt), createdBy: who(i.createdBy),
      alertSource: i.alertSource, alertGroupKey: i.alertGroupKey, ...versioned(i),
      services: i.services.map((s) => s.serviceId),
      members: i.members.map((m) => mustWho(m.user)),
      sections: i.sections.map((s) => ({ id: s.id, key: s.key, title: s.title, position: s.position, body: s.body, updatedBy: who(s.updatedBy), ...versioned(s) })),
      timeline: i.timeline.map((e) => ({ id: e.id, occurredAt: iso(e.occurredAt), kind: e.kind, body: e.body, isKeyMoment: e.isKeyMoment, author: who(e.author), ...versioned(e) })),
      factors: i.factors.map((f) => ({ id: f.id, factor: f.factorId, howItContributed: f.howItContributed, ...versioned(f) })),
      reviews: i.reviews.map((r) => ({ id: r.id, reviewer: mustWho(r.reviewer), state: r.state, comments: r.comments, ...versioned(r) })),
      comments: i.comments.map((c) => ({ id: c.id, sectionKey: c.sectionKey, parent: c.parentId, author: who(c.author), body: c.body, resolvedAt: isoOrNull(c.resolvedAt), resolvedBy: who(c.resolvedBy), ...versioned(c) })),
      revisions: i.revisions.map((r) => ({ id: r.id, entity: r.entity, entityId: r.entityId, version: r.version, content: r.content as TeamExportJson['incidents'][number]['revisions'][number]['content'], actor: who(r.actor), createdAt: iso(r.createdAt) })),
    })),
    actionItems: actionItems.map((a) => ({
      id: a.id, incident: a.incidentId, factor: a.factorId, timelineEvent: a.timelineEventId, meeting: a.meetingId, title: a.title, description: a.description,
      type: a.type, priority: a.priority, owner: who(a.owner), dueDate: a.dueDate ? iso(a.dueDate).slice(0, 10) : null, status: a.status, wontDoReason: a.wontDoReason,
      completedAt: isoOrNull(a.completedAt), ticketUrl: a.ticketUrl, overdueNotifiedAt: isoOrNull(a.overdueNotifiedAt), createdBy: who(a.createdBy), ...versioned(a),
    })),
    meetings: meetings.map((m) => ({
      id: m.id, status: m.status, heldAt: iso(m.heldAt), endedAt: isoOrNull(m.endedAt), periodStart: iso(m.periodStart), periodEnd: iso(m.periodEnd),
      facilitator: who(m.facilitator), notes: m.notes, decisions: m.decisions, ...versioned(m),
      attendees: m.attendees.map((a) => mustWho(a.user)),
      incidents: m.incidents.map((r) => ({ incident: r.incidentId, reviewedAt: isoOrNull(r.reviewedAt), notes: r.notes })),
      items: m.items.map((it) => ({ id: it.id, key: it.key, kind: it.kind, refId: it.refId, title: it.title, detail: it.detail, position: it.position, status: it.status, carriedOver: it.carriedOver, discussedAt: isoOrNull(it.discussedAt), ...versioned(it) })),
      entries: m.entries.map((n) => ({ id: n.id, item: n.itemId, author: who(n.author), kind: n.kind, body: n.body, ...versioned(n) })),
    })),
    alertIntegrations,
    webhookEndpoints,
  };
  document.users = [...people.values()].sort((a, b) => a.email.localeCompare(b.email));
  return document;
}

/** The export for an admin of the team, with an audit row (what was exported, not the content). */
export async function exportTeam(actor: Actor, now = new Date()): Promise<{ fileName: string; document: TeamExportJson }> {
  authorize(actor, 'admin', 'export the team');
  const document = await db.$transaction(
    async (tx) => {
      const doc = await buildTeamExport(tx, actor.teamId, now);
      await writeAudit(tx, {
        teamId: actor.teamId, actorId: actor.userId, actorToken: actor.tokenId, ip: actor.ip, requestId: actor.requestId,
        action: 'team.export', entity: 'team', entityId: actor.teamId,
        after: { format: doc.format, version: doc.version, incidents: doc.incidents.length, actionItems: doc.actionItems.length, meetings: doc.meetings.length },
      });
      return doc;
    },
    // One snapshot of a team that others may be editing meanwhile: every query sees the same data.
    { timeout: 120_000, maxWait: 10_000, isolationLevel: 'RepeatableRead' },
  );
  return { fileName: `hindsight-${actor.teamSlug}-${now.toISOString().slice(0, 10)}.json`, document };
}
