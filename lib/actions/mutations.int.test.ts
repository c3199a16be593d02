import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { auditCount, createTestTeam, errorCode, type TestMember } from '@/lib/teams/team-fixtures';
import { createFactor, insertAction } from './action-fixtures';
import { bulkChangeStatus, createAction, updateAction } from './mutations';
import { getAction, listIncidentActions } from './queries';

let teamId: string;
let editor: TestMember;
let viewer: TestMember;
let admin: TestMember;
let outsider: TestMember;
let incidentId: string;
let restrictedId: string;
let otherIncidentEventId: string;

beforeAll(async () => {
  const team = await createTestTeam('Actions');
  teamId = team.id;
  editor = await team.add('editor', 'Eve Editor');
  viewer = await team.add('viewer', 'Val Viewer');
  admin = await team.add('admin', 'Ada Admin');
  outsider = await (await createTestTeam('Other')).add('admin', 'Oz Outsider');
  incidentId = (await createIncident(teamId, { title: 'Queue backlog', severity: 'SEV2', startedAt: '2026-03-01T09:00:00Z', timeline: ['Consumer lag alert fired'] })).id;
  restrictedId = (await createIncident(teamId, { title: 'Leaked key', severity: 'SEV1', startedAt: '2026-03-02T09:00:00Z', visibility: 'restricted', members: [admin.userId] })).id;
  const other = await createIncident(teamId, { title: 'Other', severity: 'SEV4', startedAt: '2026-03-03T09:00:00Z', timeline: ['Elsewhere'] });
  otherIncidentEventId = (await db.timelineEvent.findFirstOrThrow({ where: { incidentId: other.id }, select: { id: true } })).id;
});

const fieldsOf = (error: unknown) => (error as AppError).details.fields?.map((f) => f.path.join('.'));

describe('createAction', () => {
  it('creates with owner, due day, factor and timeline entry, audited', async () => {
    const factorId = await createFactor(teamId, 'Alert thresholds never reviewed');
    const eventId = (await db.timelineEvent.findFirstOrThrow({ where: { incidentId }, select: { id: true } })).id;
    const action = await createAction(editor.actor, incidentId, {
      title: 'Alert on consumer lag', type: 'detect', ownerId: viewer.userId, dueDate: '2026-04-01', ticketUrl: 'https://tracker.test/OPS-1', factorId, timelineEventId: eventId,
    });
    expect(action).toMatchObject({ title: 'Alert on consumer lag', priority: 'P2', status: 'open', dueDate: '2026-04-01', owner: { id: viewer.userId }, factor: { id: factorId }, timelineEventId: eventId, version: 1, completedAt: null });
    expect(await auditCount(teamId, 'action.create')).toBe(1);
  });

  it('refuses an owner who is not a member, a foreign or retired factor, another incident’s entry: field errors, nothing written', async () => {
    const before = await db.actionItem.count();
    const archived = await createFactor(teamId, 'Archived factor', { archived: true });
    const survivor = await createFactor(teamId, 'Survivor');
    const merged = await createFactor(teamId, 'Merged away', { mergedIntoId: survivor });
    const foreign = await createFactor((await createTestTeam('Foreign')).id, 'Foreign factor');
    for (const [input, field] of [
      [{ ownerId: outsider.userId }, 'ownerId'],
      [{ ownerEmail: 'nobody@example.test' }, 'ownerEmail'],
      [{ factorId: archived }, 'factorId'],
      [{ factorId: merged }, 'factorId'],
      [{ factorId: foreign }, 'factorId'],
      [{ factor: 'No such factor' }, 'factor'],
      [{ timelineEventId: otherIncidentEventId }, 'timelineEventId'],
    ] as const) {
      const error = await createAction(editor.actor, incidentId, { title: 'x', type: 'prevent', ...input }).catch((e: unknown) => e);
      expect((error as AppError).code, field).toBe('VALIDATION');
      expect(fieldsOf(error)).toEqual([field]);
    }
    const badUrl = await createAction(editor.actor, incidentId, { title: 'x', type: 'prevent', ticketUrl: 'javascript:alert(1)' }).catch((e: unknown) => e);
    expect((badUrl as { issues: { path: string[] }[] }).issues[0]?.path).toEqual(['ticketUrl']);
    expect(await db.actionItem.count()).toBe(before);
  });

  it('is for editors and admins of the incident’s team, on incidents they can see', async () => {
    expect(await errorCode(createAction(viewer.actor, incidentId, { title: 'x', type: 'prevent' }))).toBe('FORBIDDEN');
    expect(await errorCode(createAction(outsider.actor, incidentId, { title: 'x', type: 'prevent' }))).toBe('NOT_FOUND');
    expect(await errorCode(createAction(editor.actor, restrictedId, { title: 'x', type: 'prevent' }))).toBe('NOT_FOUND');
    expect(await errorCode(createAction(admin.actor, restrictedId, { title: 'Rotate keys', type: 'mitigate' }))).toBe('RESOLVED');
  });
});

describe('updateAction', () => {
  it('stamps completedAt on done, clears it on leaving done; won’t do needs a reason, which leaving clears', async () => {
    const { id } = await insertAction(teamId, incidentId, { title: 'Transitions' });
    const done = await updateAction(editor.actor, id, { version: 1, status: 'done' });
    expect(done.completedAt).not.toBeNull();
    const again = await updateAction(editor.actor, id, { version: 2, title: 'Transitions (renamed)' });
    expect(again.completedAt).toBe(done.completedAt);
    const reopened = await updateAction(editor.actor, id, { version: 3, status: 'in_progress' });
    expect(reopened.completedAt).toBeNull();
    const noReason = await updateAction(editor.actor, id, { version: 4, status: 'wont_do' }).catch((e: unknown) => e);
    expect((noReason as AppError).code).toBe('VALIDATION');
    expect(fieldsOf(noReason)).toEqual(['wontDoReason']);
    const wontDo = await updateAction(editor.actor, id, { version: 4, status: 'wont_do', wontDoReason: 'Superseded by the queue rewrite' });
    expect(wontDo).toMatchObject({ status: 'wont_do', wontDoReason: 'Superseded by the queue rewrite', version: 5 });
    expect((await updateAction(editor.actor, id, { version: 5, status: 'open' })).wontDoReason).toBeNull();
    expect(await auditCount(teamId, 'action.status')).toBeGreaterThanOrEqual(4);
    expect(await auditCount(teamId, 'action.update')).toBeGreaterThanOrEqual(1);
  });

  it('refuses a stale version with CONFLICT carrying the current action', async () => {
    const { id } = await insertAction(teamId, incidentId, { title: 'Versions' });
    await updateAction(admin.actor, id, { version: 1, priority: 'P1' });
    const stale = await updateAction(editor.actor, id, { version: 1, priority: 'P3' }).catch((e: unknown) => e);
    expect((stale as AppError).code).toBe('CONFLICT');
    expect((stale as AppError).details.current).toMatchObject({ version: 2, priority: 'P1' });
    expect((await getAction(viewer.actor, id)).priority).toBe('P1');
  });

  it('lets the owner change the status of their own action even as a viewer, nothing else', async () => {
    const { id } = await insertAction(teamId, incidentId, { title: 'Owned by the viewer', ownerId: viewer.userId });
    expect((await updateAction(viewer.actor, id, { version: 1, status: 'in_progress' })).status).toBe('in_progress');
    expect(await errorCode(updateAction(viewer.actor, id, { version: 2, title: 'Renamed' }))).toBe('FORBIDDEN');
    const notMine = await insertAction(teamId, incidentId, { title: 'Not the viewer’s' });
    expect(await errorCode(updateAction(viewer.actor, notMine.id, { version: 1, status: 'done' }))).toBe('FORBIDDEN');
    expect(await errorCode(updateAction(outsider.actor, id, { version: 2, status: 'done' }))).toBe('NOT_FOUND');
  });

  it('hides actions of restricted incidents from those not named on them', async () => {
    const { id } = await insertAction(teamId, restrictedId, { title: 'Rotate the leaked key' });
    expect(await errorCode(updateAction(editor.actor, id, { version: 1, status: 'done' }))).toBe('NOT_FOUND');
    expect(await errorCode(getAction(editor.actor, id))).toBe('NOT_FOUND');
    expect((await listIncidentActions(editor.actor, restrictedId)).length).toBe(0);
    expect((await listIncidentActions(admin.actor, restrictedId)).map((a) => a.title)).toContain('Rotate the leaked key');
  });
});

describe('bulkChangeStatus', () => {
  it('changes all at their versions, or none when one is stale (and says which)', async () => {
    const a = await insertAction(teamId, incidentId, { title: 'Bulk A' });
    const b = await insertAction(teamId, incidentId, { title: 'Bulk B' });
    await updateAction(admin.actor, b.id, { version: 1, priority: 'P1' });
    const stale = await bulkChangeStatus(editor.actor, { items: [{ id: a.id, version: 1 }, { id: b.id, version: 1 }], status: 'done' }).catch((e: unknown) => e);
    expect((stale as AppError).code).toBe('CONFLICT');
    expect((stale as AppError).details.current).toEqual([{ id: b.id, title: 'Bulk B', version: 2, status: 'open' }]);
    expect((await getAction(editor.actor, a.id)).status).toBe('open');

    const before = await auditCount(teamId, 'action.status');
    const changed = await bulkChangeStatus(editor.actor, { items: [{ id: a.id, version: 1 }, { id: b.id, version: 2 }], status: 'done' });
    expect(changed.map((c) => [c.status, c.completedAt !== null])).toEqual([['done', true], ['done', true]]);
    expect(await auditCount(teamId, 'action.status')).toBe(before + 2);
  });

  it('needs a reason for won’t do, and viewers may only change their own', async () => {
    const a = await insertAction(teamId, incidentId, { title: 'Bulk C', ownerId: viewer.userId });
    const b = await insertAction(teamId, incidentId, { title: 'Bulk D' });
    expect(await errorCode(bulkChangeStatus(editor.actor, { items: [{ id: a.id, version: 1 }], status: 'wont_do' }))).toBe('ZodError');
    expect(await errorCode(bulkChangeStatus(viewer.actor, { items: [{ id: a.id, version: 1 }, { id: b.id, version: 1 }], status: 'done' }))).toBe('FORBIDDEN');
    expect((await getAction(viewer.actor, a.id)).status).toBe('open');
    expect(await errorCode(bulkChangeStatus(viewer.actor, { items: [{ id: a.id, version: 1 }], status: 'wont_do', wontDoReason: 'Duplicate of OPS-2' }))).toBe('RESOLVED');
  });
});
