import { beforeAll, describe, expect, it } from 'vitest';
import { createAction, updateAction } from '@/lib/actions/mutations';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { buildAgenda } from './agenda';
import { endMeeting, markIncidentReviewed, setItemStatus, startMeeting } from './meeting';
import { addNote, deleteNote, editNote } from './notes';
import { getMeeting, listMeetings } from './queries';

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;
let viewer: TestMember;
let outsider: TestMember;
let openIncident: { id: string; number: number };
let restricted: { id: string; number: number };

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** A clean slate: no meeting, so the next agenda covers the last 7 days again. */
async function clearMeetings() {
  await db.reviewMeeting.deleteMany({ where: { teamId: team.id } });
}

beforeAll(async () => {
  team = await createTestTeam('Meetings');
  admin = await team.add('admin', 'Ada Admin');
  editor = await team.add('editor', 'Ed Editor');
  viewer = await team.add('viewer', 'Vic Viewer');
  outsider = await (await createTestTeam('Elsewhere')).add('admin', 'Oz Outsider');
  openIncident = await createIncident(team.id, { title: 'Queue backlog', severity: 'SEV2', startedAt: hoursAgo(30) });
  restricted = await createIncident(team.id, { title: 'Secret breach', severity: 'SEV1', startedAt: hoursAgo(20), visibility: 'restricted' });
});

describe('starting a meeting', () => {
  it('snapshots the agenda into ordered items with the period, audited; a second start is a CONFLICT naming the running one', async () => {
    const audits = await auditCount(team.id, 'meeting.start');
    const { id } = await startMeeting(admin.actor, { attendeeIds: [editor.userId, viewer.userId], facilitatorId: admin.userId });
    const row = await db.reviewMeeting.findUniqueOrThrow({ where: { id }, select: { status: true, periodStart: true, periodEnd: true, facilitatorId: true, attendees: { select: { userId: true } }, items: { orderBy: { position: 'asc' }, select: { key: true, position: true, carriedOver: true, status: true } } } });
    expect(row.status).toBe('in_progress');
    expect(row.facilitatorId).toBe(admin.userId);
    expect(row.attendees.map((a) => a.userId).sort()).toEqual([admin.userId, editor.userId, viewer.userId].sort());
    expect(row.items.map((i) => i.key)).toEqual([`incident:${openIncident.id}`, `incident:${restricted.id}`, 'metrics']);
    expect(row.items.map((i) => i.position)).toEqual([0, 1, 2]);
    expect(row.periodEnd.getTime() - row.periodStart.getTime()).toBe(7 * 86_400_000);
    expect(await auditCount(team.id, 'meeting.start')).toBe(audits + 1);

    const error = await startMeeting(editor.actor, { attendeeIds: [editor.userId], facilitatorId: editor.userId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).details.current).toEqual({ id });
    await clearMeetings();
  });

  it('refuses viewers, non-members as attendees, and bad input, changing nothing', async () => {
    const before = await db.reviewMeeting.count({ where: { teamId: team.id } });
    expect(await errorCode(startMeeting(viewer.actor, { attendeeIds: [viewer.userId], facilitatorId: viewer.userId }))).toBe('FORBIDDEN');
    expect(await errorCode(startMeeting(editor.actor, { attendeeIds: [outsider.userId], facilitatorId: editor.userId }))).toBe('VALIDATION');
    expect(await errorCode(startMeeting(editor.actor, { attendeeIds: [], facilitatorId: editor.userId }))).toBe('ZodError');
    expect(await db.reviewMeeting.count({ where: { teamId: team.id } })).toBe(before);
  });
});

describe('during the meeting', () => {
  it('appends notes so concurrent writers both keep theirs; stale edits and others’ entries are refused', async () => {
    const { id } = await startMeeting(editor.actor, { attendeeIds: [viewer.userId], facilitatorId: editor.userId });
    const item = (await getMeeting(editor.actor, id)).items[0]!;
    const [a, b] = await Promise.all([
      addNote(editor.actor, id, { itemId: item.id, kind: 'note', body: 'Lag alert fired late.' }),
      addNote(viewer.actor, id, { itemId: item.id, kind: 'decision', body: 'Page on lag above 30 s.' }),
    ]);
    const view = await getMeeting(viewer.actor, id);
    expect(view.items[0]!.notes.map((n) => n.body).sort()).toEqual(['Lag alert fired late.', 'Page on lag above 30 s.']);
    await addNote(viewer.actor, id, { kind: 'note', body: 'General: drill next week.' });
    expect((await getMeeting(viewer.actor, id)).general.map((n) => n.body)).toEqual(['General: drill next week.']);

    const edited = await editNote(editor.actor, a.id, { body: 'Lag alert fired 20 min late.', version: 1 });
    expect(edited.version).toBe(2);
    expect(await errorCode(editNote(editor.actor, a.id, { body: 'Stale tab', version: 1 }))).toBe('CONFLICT');
    expect(await errorCode(editNote(editor.actor, b.id, { body: 'Not mine', version: 1 }))).toBe('FORBIDDEN');
    expect(await errorCode(deleteNote(viewer.actor, b.id, { version: 9 }))).toBe('CONFLICT');
    await deleteNote(viewer.actor, b.id, { version: 1 });
    expect(await db.meetingNote.findUnique({ where: { id: b.id } })).toBeNull();
    expect((await db.meetingNote.findUniqueOrThrow({ where: { id: a.id } })).body).toBe('Lag alert fired 20 min late.');
    // A viewer who did not attend may read but not write.
    const bystander = await team.add('viewer', 'Bea Bystander');
    expect(await errorCode(addNote(bystander.actor, id, { kind: 'note', body: 'Hi' }))).toBe('FORBIDDEN');
    await clearMeetings();
  });

  it('marks an incident reviewed once (idempotent), item status is version-checked, and actions created in place carry the meeting', async () => {
    const { id } = await startMeeting(admin.actor, { attendeeIds: [editor.userId], facilitatorId: admin.userId });
    const first = await markIncidentReviewed(editor.actor, id, openIncident.id);
    const again = await markIncidentReviewed(editor.actor, id, openIncident.id);
    expect(again.reviewedAt.getTime()).toBe(first.reviewedAt.getTime());
    expect(await auditCount(team.id, 'meeting.incident_reviewed')).toBe(1);

    const item = (await getMeeting(editor.actor, id)).items.find((i) => i.refId === openIncident.id)!;
    await setItemStatus(editor.actor, item.id, { status: 'discussed', version: item.version });
    expect(await errorCode(setItemStatus(editor.actor, item.id, { status: 'pending', version: item.version }))).toBe('CONFLICT');

    const action = await createAction(editor.actor, openIncident.id, { title: 'Alert on queue lag', type: 'detect', dueDate: '2030-01-10' }, { meetingId: id });
    expect((await db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { meetingId: true } })).meetingId).toBe(id);
    await updateAction(editor.actor, action.id, { version: action.version, dueDate: '2030-02-01' });
    const view = await getMeeting(viewer.actor, id);
    expect(view.actionsCreated.map((a) => [a.title, a.dueDate])).toEqual([['Alert on queue lag', '2030-02-01']]);
    expect(view.incidentsReviewed.map((r) => r.number)).toEqual([openIncident.number]);
    expect(await errorCode(createAction(editor.actor, openIncident.id, { title: 'Other team', type: 'detect' }, { meetingId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');

    // Ending: the facilitator or editors; pending items carried over; afterwards read-only.
    expect(await errorCode(endMeeting(viewer.actor, id, { version: 1 }))).toBe('FORBIDDEN');
    expect(await errorCode(endMeeting(editor.actor, id, { version: 7 }))).toBe('CONFLICT');
    const ended = await endMeeting(editor.actor, id, { version: 1 });
    expect(ended.carriedOver).toBe(2);
    const items = await db.meetingItem.findMany({ where: { meetingId: id }, orderBy: { position: 'asc' }, select: { status: true } });
    expect(items.map((i) => i.status)).toEqual(['discussed', 'carried_over', 'carried_over']);
    expect(await errorCode(addNote(editor.actor, id, { kind: 'note', body: 'Too late' }))).toBe('CONFLICT');
    expect(await errorCode(createAction(editor.actor, openIncident.id, { title: 'Too late', type: 'detect' }, { meetingId: id }))).toBe('CONFLICT');
    expect(await auditCount(team.id, 'meeting.end')).toBe(1);

    // The next agenda: the reviewed incident is gone, the unreached incident comes back marked
    // carried over; the metrics snapshot is always fresh, so it is never "carried over".
    const next = await buildAgenda(admin.actor);
    const keys = next.sections.flatMap((s) => s.items.map((i) => [i.key, i.carriedOver]));
    expect(keys).toEqual([[`incident:${restricted.id}`, true], ['metrics', false]]);
  });
});

describe('who sees what', () => {
  it('hides restricted incidents’ items from those who cannot see them; other teams get NOT_FOUND', async () => {
    const latest = (await listMeetings(viewer.actor, 1)).rows[0]!;
    const asViewer = await getMeeting(viewer.actor, latest.id);
    const asAdmin = await getMeeting(admin.actor, latest.id);
    expect(asAdmin.items.map((i) => i.refId)).toContain(restricted.id);
    expect(asViewer.items.map((i) => i.refId)).not.toContain(restricted.id);
    const hidden = await db.meetingItem.findFirstOrThrow({ where: { meetingId: latest.id, refId: restricted.id }, select: { id: true, version: true } });
    expect(await errorCode(setItemStatus(viewer.actor, hidden.id, { status: 'discussed', version: hidden.version }))).toBe('NOT_FOUND');
    expect(await errorCode(getMeeting(outsider.actor, latest.id))).toBe('NOT_FOUND');
    expect(await errorCode(markIncidentReviewed(outsider.actor, latest.id, openIncident.id))).toBe('NOT_FOUND');
    expect((await listMeetings(outsider.actor, 1)).total).toBe(0);
  });
});
