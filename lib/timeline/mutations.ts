import 'server-only';
import { writeAudit } from '@/lib/audit/write';
import { db, type Tx } from '@/lib/db';
import { conflict, forbidden, notFound } from '@/lib/errors';
import { authorize, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { EVENT_SELECT, toEventView, type EventRow } from './queries';
import { eventIdSchema, eventInputSchema, eventPatchSchema, deleteVersionSchema, importRowsSchema, type EventInput, type TimelineEventView } from './schemas';

const READ_ONLY = 'This post-mortem is published and read-only; an admin can reopen it.';

/** The incident, if the actor may see it and it is still editable. */
async function writableIncident(tx: Tx, actor: Actor, incidentId: string): Promise<{ id: string }> {
  if (!eventIdSchema.safeParse(incidentId).success) throw notFound('Incident not found');
  const incident = await tx.incident.findFirst({
    where: { ...visibleIncidentsWhere(actor), id: incidentId },
    select: { id: true, postmortemStatus: true },
  });
  if (!incident) throw notFound('Incident not found');
  if (incident.postmortemStatus === 'published') throw forbidden(READ_ONLY);
  return incident;
}

/** The event (with its incident), if the actor may see that incident and it is editable. */
async function writableEvent(tx: Tx, actor: Actor, eventId: string): Promise<EventRow & { incidentId: string }> {
  if (!eventIdSchema.safeParse(eventId).success) throw notFound('Timeline entry not found');
  const event = await tx.timelineEvent.findFirst({
    where: { id: eventId, incident: visibleIncidentsWhere(actor) },
    select: { ...EVENT_SELECT, incidentId: true, incident: { select: { postmortemStatus: true } } },
  });
  if (!event) throw notFound('Timeline entry not found');
  if (event.incident.postmortemStatus === 'published') throw forbidden(READ_ONLY);
  return event;
}

async function record(tx: Tx, actor: Actor, incidentId: string, view: TimelineEventView, deleted = false): Promise<void> {
  await tx.revision.create({
    data: { incidentId, entity: 'timeline', entityId: view.id, version: view.version, content: { ...view, deleted }, actorId: actor.userId },
  });
}

function audit(tx: Tx, actor: Actor, action: string, entityId: string, before?: unknown, after?: unknown) {
  return writeAudit(tx, {
    teamId: actor.teamId,
    actorId: actor.userId,
    actorToken: actor.tokenId,
    action,
    entity: 'timeline_event',
    entityId,
    before,
    after,
    ip: actor.ip,
    requestId: actor.requestId,
  });
}

/**
 * One new entry and its first revision in the caller's transaction; the caller has authorized,
 * checked the incident is writable and writes the audit row (the alert ingestion uses it too).
 */
export async function insertTimelineEvent(tx: Tx, actor: Actor, incidentId: string, data: EventInput): Promise<TimelineEventView> {
  const row = await tx.timelineEvent.create({
    data: { incidentId, occurredAt: data.occurredAt, kind: data.kind, body: data.body, isKeyMoment: data.keyMoment ?? false, authorId: actor.userId },
    select: EVENT_SELECT,
  });
  const view = toEventView(row);
  await record(tx, actor, incidentId, view);
  return view;
}

/** Adds one entry (editor+). */
export async function addEvent(actor: Actor, incidentId: string, input: unknown): Promise<TimelineEventView> {
  authorize(actor, 'editor', 'edit the timeline');
  const data = eventInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    await writableIncident(tx, actor, incidentId);
    const view = await insertTimelineEvent(tx, actor, incidentId, data);
    await audit(tx, actor, 'timeline.add', view.id, undefined, view);
    return view;
  });
}

/** Adds many entries at once (the paste import): all or none, one audit row for the batch. */
export async function addEvents(actor: Actor, incidentId: string, input: unknown): Promise<TimelineEventView[]> {
  authorize(actor, 'editor', 'edit the timeline');
  const rows = importRowsSchema.parse(input);
  return db.$transaction(async (tx) => {
    await writableIncident(tx, actor, incidentId);
    const views: TimelineEventView[] = [];
    for (const data of rows) views.push(await insertTimelineEvent(tx, actor, incidentId, data));
    await audit(tx, actor, 'timeline.import', incidentId, undefined, { count: views.length, ids: views.map((v) => v.id) });
    return views;
  });
}

/** Changes an entry if `version` is still current; CONFLICT with the current entry otherwise. */
export async function updateEvent(actor: Actor, eventId: string, input: unknown): Promise<TimelineEventView> {
  authorize(actor, 'editor', 'edit the timeline');
  const patch = eventPatchSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await writableEvent(tx, actor, eventId);
    if (before.version !== patch.version) throw conflict('Someone else changed this entry since you loaded it.', toEventView(before));
    const { count } = await tx.timelineEvent.updateMany({
      where: { id: eventId, version: patch.version },
      data: {
        occurredAt: patch.occurredAt,
        kind: patch.kind,
        body: patch.body,
        isKeyMoment: patch.keyMoment,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const current = await tx.timelineEvent.findUnique({ where: { id: eventId }, select: EVENT_SELECT });
      throw conflict('Someone else changed this entry since you loaded it.', current ? toEventView(current) : null);
    }
    const after = toEventView(await tx.timelineEvent.findUniqueOrThrow({ where: { id: eventId }, select: EVENT_SELECT }));
    await record(tx, actor, before.incidentId, after);
    await audit(tx, actor, 'timeline.update', eventId, toEventView(before), after);
    return after;
  });
}

/** Deletes an entry if `version` is still current; CONFLICT with the current entry otherwise. */
export async function deleteEvent(actor: Actor, eventId: string, rawVersion: unknown): Promise<{ id: string }> {
  authorize(actor, 'editor', 'edit the timeline');
  const { version } = deleteVersionSchema.parse({ version: rawVersion });
  return db.$transaction(async (tx) => {
    const before = await writableEvent(tx, actor, eventId);
    const view = toEventView(before);
    if (before.version !== version) throw conflict('Someone else changed this entry since you loaded it.', view);
    const { count } = await tx.timelineEvent.deleteMany({ where: { id: eventId, version } });
    if (count === 0) throw conflict('Someone else changed this entry since you loaded it.', null);
    await record(tx, actor, before.incidentId, { ...view, version: version + 1 }, true);
    await audit(tx, actor, 'timeline.delete', eventId, view, undefined);
    return { id: eventId };
  });
}
