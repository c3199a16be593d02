import 'server-only';
import type { Tx } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write';
import { conflict, forbidden, notFound } from '@/lib/errors';
import { roleAtLeast, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MeetingHead {
  id: string;
  status: 'in_progress' | 'ended';
  facilitatorId: string | null;
  version: number;
  attendee: boolean;
}

/** A meeting of the actor's team (NOT_FOUND for another team's or a malformed id). */
export async function meetingHead(tx: Tx, actor: Actor, meetingId: string): Promise<MeetingHead> {
  if (!UUID.test(meetingId)) throw notFound('Meeting not found');
  const row = await tx.reviewMeeting.findFirst({
    where: { id: meetingId, teamId: actor.teamId },
    select: { id: true, status: true, facilitatorId: true, version: true, attendees: { where: { userId: actor.userId ?? undefined }, select: { userId: true } } },
  });
  if (!row) throw notFound('Meeting not found');
  return { id: row.id, status: row.status, facilitatorId: row.facilitatorId, version: row.version, attendee: actor.userId !== null && row.attendees.length > 0 };
}

/** Attendees and editors take part (notes, item status, reviews); the meeting must still be running. */
export function requireParticipant(actor: Actor, head: MeetingHead, what: string): void {
  if (!head.attendee && !roleAtLeast(actor.role, 'editor')) throw forbidden(`Only the meeting’s attendees and editors can ${what}.`);
  if (head.status !== 'in_progress') throw conflict('This meeting has ended; its record is read-only.');
}

/**
 * Agenda items about an incident (incident, review, drill) or an action of a restricted incident
 * are hidden from those who cannot see that incident: the ids among `items` the actor may see.
 */
export async function visibleRefIds(tx: Tx, actor: Actor, items: { kind: string; refId: string | null }[]): Promise<Set<string>> {
  const incidentIds = items.filter((i) => i.refId && ['incident', 'review', 'drill'].includes(i.kind)).map((i) => i.refId!);
  const actionIds = items.filter((i) => i.refId && i.kind === 'action').map((i) => i.refId!);
  const [incidents, actions] = await Promise.all([
    incidentIds.length ? tx.incident.findMany({ where: { ...visibleIncidentsWhere(actor), id: { in: incidentIds } }, select: { id: true } }) : [],
    actionIds.length ? tx.actionItem.findMany({ where: { teamId: actor.teamId, incident: visibleIncidentsWhere(actor), id: { in: actionIds } }, select: { id: true } }) : [],
  ]);
  return new Set([...incidents, ...actions].map((r) => r.id));
}

/** True when an item is visible: items without an incident behind them always are. */
export function itemVisible(item: { kind: string; refId: string | null }, visible: Set<string>): boolean {
  if (!item.refId || !['incident', 'review', 'drill', 'action'].includes(item.kind)) return true;
  return visible.has(item.refId);
}

export function auditMeeting(tx: Tx, actor: Actor, action: string, entity: string, entityId: string, before?: unknown, after?: unknown) {
  return writeAudit(tx, { teamId: actor.teamId, actorId: actor.userId, actorToken: actor.tokenId, action, entity, entityId, before, after, ip: actor.ip, requestId: actor.requestId });
}
