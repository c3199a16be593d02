import 'server-only';
import { db } from '@/lib/db';
import type { ActionView } from '@/lib/actions/schemas';
import { ACTION_SELECT, toActionView } from '@/lib/actions/view';
import { notFound } from '@/lib/errors';
import { authorize, roleAtLeast, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { itemVisible, UUID, visibleRefIds } from './access';
import type { AgendaItemKind } from './agenda-types';
import { NOTE_SELECT, toNoteView, type NoteView } from './notes';
import { MEETINGS_PAGE_SIZE } from './schemas';

export interface MeetingItemView {
  id: string;
  key: string;
  kind: AgendaItemKind;
  refId: string | null;
  title: string;
  detail: string;
  href: string | null;
  position: number;
  status: 'pending' | 'discussed' | 'carried_over';
  carriedOver: boolean;
  version: number;
  notes: NoteView[];
  /** For incident-like items: the incident (number, reviewed in this meeting). */
  incident: { id: string; number: number; reviewedAt: string | null } | null;
  /** For action items: the action as it is now. */
  action: ActionView | null;
}

export interface MeetingView {
  id: string;
  status: 'in_progress' | 'ended';
  heldAt: string;
  endedAt: string | null;
  periodStart: string;
  periodEnd: string;
  version: number;
  facilitator: { id: string; name: string } | null;
  attendees: { id: string; name: string }[];
  items: MeetingItemView[];
  /** Notes and decisions on the meeting as a whole. */
  general: NoteView[];
  actionsCreated: ActionView[];
  incidentsReviewed: { id: string; number: number; title: string; reviewedAt: string }[];
  /** What the viewer may do while it runs. */
  canTakePart: boolean;
  canEnd: boolean;
}

const INCIDENT_KINDS = new Set(['incident', 'review', 'drill']);

function itemHref(slug: string, kind: string, refId: string | null, incidentNumber: number | undefined, actionIncident: number | undefined): string | null {
  const team = `/t/${encodeURIComponent(slug)}`;
  if (INCIDENT_KINDS.has(kind) && incidentNumber !== undefined) return `${team}/incidents/${incidentNumber}${kind === 'review' ? '/postmortem' : ''}`;
  if (kind === 'action' && actionIncident !== undefined) return `${team}/incidents/${actionIncident}/actions`;
  if (kind === 'factor' && refId) return `${team}/factors/${refId}`;
  if (kind === 'metrics') return `${team}/metrics`;
  return null;
}

/** One meeting of the actor's team, with what the actor may see of it (restricted incidents' items hidden). */
export async function getMeeting(actor: Actor, meetingId: string): Promise<MeetingView> {
  authorize(actor, 'viewer', 'see review meetings');
  if (!UUID.test(meetingId)) throw notFound('Meeting not found');
  const m = await db.reviewMeeting.findFirst({
    where: { id: meetingId, teamId: actor.teamId },
    select: {
      id: true, status: true, heldAt: true, endedAt: true, periodStart: true, periodEnd: true, version: true,
      facilitator: { select: { id: true, name: true } },
      attendees: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: 'asc' } } },
      items: { orderBy: { position: 'asc' }, select: { id: true, key: true, kind: true, refId: true, title: true, detail: true, position: true, status: true, carriedOver: true, version: true } },
      entries: { orderBy: { createdAt: 'asc' }, select: NOTE_SELECT },
    },
  });
  if (!m) throw notFound('Meeting not found');
  const visible = await visibleRefIds(db, actor, m.items);
  const items = m.items.filter((i) => itemVisible(i, visible));
  const incidentIds = items.filter((i) => INCIDENT_KINDS.has(i.kind) && i.refId).map((i) => i.refId!);
  const actionIds = items.filter((i) => i.kind === 'action' && i.refId).map((i) => i.refId!);
  const [incidents, actions, created, reviewed] = await Promise.all([
    db.incident.findMany({ where: { ...visibleIncidentsWhere(actor), id: { in: incidentIds } }, select: { id: true, number: true, meetingReviews: { where: { meetingId }, select: { reviewedAt: true } } } }),
    db.actionItem.findMany({ where: { teamId: actor.teamId, incident: visibleIncidentsWhere(actor), id: { in: actionIds } }, select: ACTION_SELECT }),
    db.actionItem.findMany({ where: { teamId: actor.teamId, incident: visibleIncidentsWhere(actor), meetingId }, select: ACTION_SELECT, orderBy: { createdAt: 'asc' } }),
    db.meetingIncident.findMany({ where: { meetingId, reviewedAt: { not: null }, incident: visibleIncidentsWhere(actor) }, select: { reviewedAt: true, incident: { select: { id: true, number: true, title: true } } }, orderBy: { reviewedAt: 'asc' } }),
  ]);
  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  const actionById = new Map(actions.map((a) => [a.id, toActionView(a)]));
  const notes = m.entries.map(toNoteView);
  const attendee = m.attendees.some((a) => a.user.id === actor.userId);
  const editor = roleAtLeast(actor.role, 'editor');
  return {
    id: m.id,
    status: m.status,
    heldAt: m.heldAt.toISOString(),
    endedAt: m.endedAt?.toISOString() ?? null,
    periodStart: m.periodStart.toISOString(),
    periodEnd: m.periodEnd.toISOString(),
    version: m.version,
    facilitator: m.facilitator,
    attendees: m.attendees.map((a) => a.user),
    items: items.map((i) => {
      const incident = i.refId && INCIDENT_KINDS.has(i.kind) ? incidentById.get(i.refId) : undefined;
      const action = i.refId && i.kind === 'action' ? (actionById.get(i.refId) ?? null) : null;
      return {
        ...i,
        kind: i.kind as AgendaItemKind,
        href: itemHref(actor.teamSlug, i.kind, i.refId, incident?.number, action?.incident.number),
        notes: notes.filter((n) => n.itemId === i.id),
        incident: incident ? { id: incident.id, number: incident.number, reviewedAt: incident.meetingReviews[0]?.reviewedAt?.toISOString() ?? null } : null,
        action,
      };
    }),
    general: notes.filter((n) => n.itemId === null),
    actionsCreated: created.map((a) => toActionView(a)),
    incidentsReviewed: reviewed.map((r) => ({ ...r.incident, reviewedAt: r.reviewedAt!.toISOString() })),
    canTakePart: m.status === 'in_progress' && (attendee || editor),
    canEnd: m.status === 'in_progress' && (editor || m.facilitator?.id === actor.userId),
  };
}

export interface MeetingListRow {
  id: string;
  status: 'in_progress' | 'ended';
  heldAt: string;
  endedAt: string | null;
  facilitatorName: string | null;
  attendees: number;
  items: number;
  discussed: number;
  carriedOver: number;
  notes: number;
  decisions: number;
  actions: number;
  incidentsReviewed: number;
}

/** The team's meetings, newest first, one page at a time. */
export async function listMeetings(actor: Actor, page: number): Promise<{ rows: MeetingListRow[]; total: number; page: number; pages: number }> {
  authorize(actor, 'viewer', 'see review meetings');
  const total = await db.reviewMeeting.count({ where: { teamId: actor.teamId } });
  const pages = Math.max(1, Math.ceil(total / MEETINGS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db.reviewMeeting.findMany({
    where: { teamId: actor.teamId },
    orderBy: [{ heldAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * MEETINGS_PAGE_SIZE,
    take: MEETINGS_PAGE_SIZE,
    select: {
      id: true, status: true, heldAt: true, endedAt: true,
      facilitator: { select: { name: true } },
      items: { select: { status: true } },
      entries: { select: { kind: true } },
      incidents: { where: { reviewedAt: { not: null }, incident: visibleIncidentsWhere(actor) }, select: { incidentId: true } },
      _count: { select: { attendees: true, actionItems: { where: { incident: visibleIncidentsWhere(actor) } } } },
    },
  });
  return {
    total,
    page: current,
    pages,
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status,
      heldAt: r.heldAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      facilitatorName: r.facilitator?.name ?? null,
      attendees: r._count.attendees,
      items: r.items.length,
      discussed: r.items.filter((i) => i.status === 'discussed').length,
      carriedOver: r.items.filter((i) => i.status === 'carried_over').length,
      notes: r.entries.filter((e) => e.kind === 'note').length,
      decisions: r.entries.filter((e) => e.kind === 'decision').length,
      actions: r._count.actionItems,
      incidentsReviewed: r.incidents.length,
    })),
  };
}

/** The team's members, for the attendee checkboxes and the facilitator select. */
export async function meetingMembers(actor: Actor): Promise<{ id: string; name: string; email: string }[]> {
  authorize(actor, 'viewer', 'see the team');
  const rows = await db.membership.findMany({ where: { teamId: actor.teamId }, select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: 'asc' } } });
  return rows.map((r) => r.user);
}
