import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { auditCount, createTestTeam, errorCode, type TestMember } from '@/lib/teams/team-fixtures';
import { addEvent, addEvents, deleteEvent, updateEvent } from './mutations';
import { listTimeline } from './queries';

let teamId: string;
let editor: TestMember;
let viewer: TestMember;
let admin: TestMember;
let incidentId: string;

const entry = (minute: number, body: string) => ({ occurredAt: `2026-03-01T10:${String(minute).padStart(2, '0')}:00.250+01:00`, kind: 'action', body });

beforeAll(async () => {
  const team = await createTestTeam('Timeline');
  teamId = team.id;
  editor = await team.add('editor', 'Eve Editor');
  viewer = await team.add('viewer', 'Val Viewer');
  admin = await team.add('admin', 'Ada Admin');
  incidentId = (await createIncident(teamId, { title: 'Queue backlog', severity: 'SEV2', startedAt: '2026-03-01T09:00:00Z' })).id;
});

describe('timeline mutations', () => {
  it('adds, updates and deletes with versions, writing revisions and audit rows', async () => {
    const added = await addEvent(editor.actor, incidentId, { ...entry(5, ' Restarted the consumer '), keyMoment: true });
    expect(added).toMatchObject({ occurredAt: '2026-03-01T09:05:00.250Z', body: 'Restarted the consumer', keyMoment: true, version: 1, author: 'Eve Editor' });
    const updated = await updateEvent(editor.actor, added.id, { version: 1, body: 'Restarted both consumers', kind: 'mitigation' });
    expect(updated).toMatchObject({ version: 2, kind: 'mitigation', body: 'Restarted both consumers', keyMoment: true });
    await deleteEvent(editor.actor, added.id, 2);
    expect(await db.timelineEvent.count({ where: { id: added.id } })).toBe(0);
    const revisions = await db.revision.findMany({ where: { entity: 'timeline', entityId: added.id }, orderBy: { version: 'asc' }, select: { version: true, content: true } });
    expect(revisions.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(revisions[2]?.content).toMatchObject({ deleted: true, body: 'Restarted both consumers' });
    for (const action of ['timeline.add', 'timeline.update', 'timeline.delete']) expect(await auditCount(teamId, action)).toBe(1);
  });

  it('refuses a stale version with CONFLICT carrying the current entry, for updates and deletes', async () => {
    const added = await addEvent(editor.actor, incidentId, entry(6, 'Paged the database team'));
    await updateEvent(admin.actor, added.id, { version: 1, body: 'Paged the database on-call' });
    const stale = await updateEvent(editor.actor, added.id, { version: 1, body: 'Mine' }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe('CONFLICT');
    expect((stale as AppError).details.current).toMatchObject({ version: 2, body: 'Paged the database on-call' });
    expect(await errorCode(deleteEvent(editor.actor, added.id, 1))).toBe('CONFLICT');
    expect(await db.timelineEvent.count({ where: { id: added.id } })).toBe(1);
  });

  it('lists in time order, ties in write order', async () => {
    const other = (await createIncident(teamId, { title: 'Ordering', severity: 'SEV4', startedAt: '2026-03-01T09:00:00Z' })).id;
    await addEvent(editor.actor, other, entry(30, 'later'));
    await addEvent(editor.actor, other, entry(10, 'first at 10'));
    await addEvent(editor.actor, other, entry(10, 'second at 10'));
    expect((await listTimeline(viewer.actor, other)).map((e) => e.body)).toEqual(['first at 10', 'second at 10', 'later']);
  });

  it('imports a batch in one transaction with one audit row, and a bad row rolls back all', async () => {
    const other = (await createIncident(teamId, { title: 'Import', severity: 'SEV3', startedAt: '2026-03-01T09:00:00Z' })).id;
    const before = await auditCount(teamId, 'timeline.import');
    const imported = await addEvents(editor.actor, other, [entry(1, 'one'), entry(2, 'two'), { ...entry(3, 'three'), kind: 'detection' }]);
    expect(imported).toHaveLength(3);
    expect(await auditCount(teamId, 'timeline.import')).toBe(before + 1);
    expect(await db.revision.count({ where: { incidentId: other, entity: 'timeline' } })).toBe(3);
    expect(await errorCode(addEvents(editor.actor, other, [entry(4, 'four'), { ...entry(5, 'five'), kind: 'blame' }]))).toBe('ZodError');
    // A row the database refuses (a body over the column's reach is caught by zod; a NUL byte is not) aborts the batch.
    expect(await errorCode(addEvents(editor.actor, other, [entry(4, 'four'), entry(5, 'nul \u0000 byte')]))).not.toBe('RESOLVED');
    expect(await db.timelineEvent.count({ where: { incidentId: other } })).toBe(3);
    expect(await auditCount(teamId, 'timeline.import')).toBe(before + 1);
  });

  it('forbids viewers', async () => {
    expect(await errorCode(addEvent(viewer.actor, incidentId, entry(7, 'x')))).toBe('FORBIDDEN');
    const added = await addEvent(editor.actor, incidentId, entry(8, 'y'));
    expect(await errorCode(updateEvent(viewer.actor, added.id, { version: 1, body: 'z' }))).toBe('FORBIDDEN');
    expect(await errorCode(deleteEvent(viewer.actor, added.id, 1))).toBe('FORBIDDEN');
    expect(await errorCode(addEvents(viewer.actor, incidentId, [entry(9, 'x')]))).toBe('FORBIDDEN');
  });

  it('hides restricted incidents from editors not named on them, and other teams', async () => {
    const restricted = (await createIncident(teamId, { title: 'Secret', severity: 'SEV1', startedAt: '2026-03-01T09:00:00Z', visibility: 'restricted' })).id;
    const added = await addEvent(admin.actor, restricted, entry(1, 'hidden'));
    expect(await errorCode(addEvent(editor.actor, restricted, entry(2, 'x')))).toBe('NOT_FOUND');
    expect(await errorCode(updateEvent(editor.actor, added.id, { version: 1, body: 'x' }))).toBe('NOT_FOUND');
    expect(await errorCode(deleteEvent(editor.actor, added.id, 1))).toBe('NOT_FOUND');
    expect(await errorCode(listTimeline(editor.actor, restricted))).toBe('NOT_FOUND');
    const outsider = await (await createTestTeam('Other')).add('admin');
    expect(await errorCode(listTimeline(outsider.actor, incidentId))).toBe('NOT_FOUND');
    expect(await errorCode(updateEvent(outsider.actor, added.id, { version: 1, body: 'x' }))).toBe('NOT_FOUND');
  });

  it('treats a published post-mortem as read-only', async () => {
    const published = (await createIncident(teamId, { title: 'Published', severity: 'SEV3', startedAt: '2026-03-01T09:00:00Z' })).id;
    const added = await addEvent(editor.actor, published, entry(1, 'before publishing'));
    await db.incident.update({ where: { id: published }, data: { postmortemStatus: 'published' } });
    expect(await errorCode(addEvent(admin.actor, published, entry(2, 'x')))).toBe('FORBIDDEN');
    expect(await errorCode(updateEvent(admin.actor, added.id, { version: 1, body: 'x' }))).toBe('FORBIDDEN');
    expect(await errorCode(deleteEvent(admin.actor, added.id, 1))).toBe('FORBIDDEN');
    expect(await listTimeline(viewer.actor, published)).toHaveLength(1);
  });
});
