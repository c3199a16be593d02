import 'server-only';
import { db } from '@/lib/db';
import { AppError, conflict, notFound } from '@/lib/errors';
import { authorize, roleAtLeast, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { auditMeeting, itemVisible, meetingHead, requireParticipant, UUID, visibleRefIds } from './access';
import { buildAgenda } from './agenda';
import { itemStatusSchema, startMeetingSchema, versionSchema } from './schemas';

const ENDED = 'This meeting has ended; its record is read-only.';

/** The team's running meeting, if any (one at a time). */
export async function activeMeetingId(actor: Actor): Promise<string | null> {
  authorize(actor, 'viewer', 'see review meetings');
  const row = await db.reviewMeeting.findFirst({ where: { teamId: actor.teamId, status: 'in_progress' }, select: { id: true } });
  return row?.id ?? null;
}

/**
 * Starts the weekly review (editors+): snapshots the agenda into the meeting's items, so later
 * changes to incidents do not reshuffle a meeting in progress. One running meeting per team: a
 * second start is a CONFLICT whose `current` is the running meeting's id.
 */
export async function startMeeting(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<{ id: string }> {
  authorize(actor, 'editor', 'start a review meeting');
  const data = startMeetingSchema.parse(input);
  const attendeeIds = [...new Set([...data.attendeeIds, data.facilitatorId])];
  const agenda = await buildAgenda(actor, { now });
  return db.$transaction(async (tx) => {
    // Serialise starts per team: the running-meeting check and the insert are one step.
    await tx.$queryRaw`SELECT id FROM "Team" WHERE id = ${actor.teamId}::uuid FOR UPDATE`;
    const running = await tx.reviewMeeting.findFirst({ where: { teamId: actor.teamId, status: 'in_progress' }, select: { id: true } });
    if (running) throw conflict('A review meeting is already in progress for this team; join it or end it first.', { id: running.id });
    const members = await tx.membership.count({ where: { teamId: actor.teamId, userId: { in: attendeeIds } } });
    if (members !== attendeeIds.length) {
      throw new AppError('VALIDATION', 'Attendees and the facilitator must be members of this team.', { fields: [{ path: ['attendeeIds'], message: 'Choose team members only' }] });
    }
    const items = agenda.sections.flatMap((s) => s.items);
    const meeting = await tx.reviewMeeting.create({
      data: {
        teamId: actor.teamId,
        heldAt: now,
        periodStart: agenda.periodStart,
        periodEnd: agenda.periodEnd,
        facilitatorId: data.facilitatorId,
        attendees: { create: attendeeIds.map((userId) => ({ userId })) },
        items: { create: items.map((i, position) => ({ key: i.key, kind: i.kind, refId: i.refId, title: i.title, detail: i.detail, position, carriedOver: i.carriedOver })) },
      },
      select: { id: true },
    });
    await auditMeeting(tx, actor, 'meeting.start', 'review_meeting', meeting.id, undefined, { attendeeIds, facilitatorId: data.facilitatorId, items: items.length, periodStart: agenda.periodStart, periodEnd: agenda.periodEnd });
    return meeting;
  });
}

/** Marks an agenda item discussed (or back to pending) at the version the writer saw. */
export async function setItemStatus(actor: Actor, itemId: string, input: unknown): Promise<{ version: number }> {
  authorize(actor, 'viewer', 'update the meeting');
  const data = itemStatusSchema.parse(input);
  if (!UUID.test(itemId)) throw notFound('Agenda item not found');
  return db.$transaction(async (tx) => {
    const item = await tx.meetingItem.findFirst({ where: { id: itemId, meeting: { teamId: actor.teamId } }, select: { id: true, meetingId: true, kind: true, refId: true, status: true, version: true } });
    // An item about an incident the actor cannot see does not exist for them.
    if (!item || !itemVisible(item, await visibleRefIds(tx, actor, [item]))) throw notFound('Agenda item not found');
    requireParticipant(actor, await meetingHead(tx, actor, item.meetingId), 'update agenda items');
    const { count } = await tx.meetingItem.updateMany({
      where: { id: itemId, version: data.version },
      data: { status: data.status, discussedAt: data.status === 'discussed' ? new Date() : null, version: { increment: 1 } },
    });
    if (count === 0) throw conflict('Someone else changed this item since you loaded it.', { status: item.status, version: item.version });
    await auditMeeting(tx, actor, 'meeting.item_status', 'meeting_item', itemId, { status: item.status }, { status: data.status });
    return { version: data.version + 1 };
  });
}

/** Records that the meeting reviewed an incident the actor can see (idempotent: the first time counts). */
export async function markIncidentReviewed(actor: Actor, meetingId: string, incidentId: string): Promise<{ reviewedAt: Date }> {
  authorize(actor, 'viewer', 'update the meeting');
  return db.$transaction(async (tx) => {
    requireParticipant(actor, await meetingHead(tx, actor, meetingId), 'mark incidents reviewed');
    const incident = UUID.test(incidentId) ? await tx.incident.findFirst({ where: { ...visibleIncidentsWhere(actor), id: incidentId }, select: { id: true } }) : null;
    if (!incident) throw notFound('Incident not found');
    const existing = await tx.meetingIncident.findUnique({ where: { meetingId_incidentId: { meetingId, incidentId } }, select: { reviewedAt: true } });
    if (existing?.reviewedAt) return { reviewedAt: existing.reviewedAt };
    const reviewedAt = new Date();
    await tx.meetingIncident.upsert({ where: { meetingId_incidentId: { meetingId, incidentId } }, create: { meetingId, incidentId, reviewedAt }, update: { reviewedAt } });
    await auditMeeting(tx, actor, 'meeting.incident_reviewed', 'review_meeting', meetingId, undefined, { incidentId, reviewedAt });
    return { reviewedAt };
  });
}

/** Ends the meeting (editors or the facilitator): every item not reached is carried over to the next one. */
export async function endMeeting(actor: Actor, meetingId: string, input: unknown): Promise<{ carriedOver: number }> {
  authorize(actor, 'viewer', 'end the meeting');
  const { version } = versionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const head = await meetingHead(tx, actor, meetingId);
    if (!roleAtLeast(actor.role, 'editor') && head.facilitatorId !== actor.userId) throw new AppError('FORBIDDEN', 'Only the facilitator and editors can end the meeting.');
    if (head.status !== 'in_progress') throw conflict(ENDED);
    const endedAt = new Date();
    const { count } = await tx.reviewMeeting.updateMany({ where: { id: meetingId, version, status: 'in_progress' }, data: { status: 'ended', endedAt, version: { increment: 1 } } });
    if (count === 0) throw conflict('Someone else changed this meeting since you loaded it; reload and try again.', { version: head.version });
    const carried = await tx.meetingItem.updateMany({ where: { meetingId, status: 'pending' }, data: { status: 'carried_over', version: { increment: 1 } } });
    await auditMeeting(tx, actor, 'meeting.end', 'review_meeting', meetingId, { status: 'in_progress' }, { status: 'ended', endedAt, carriedOver: carried.count });
    return { carriedOver: carried.count };
  });
}
