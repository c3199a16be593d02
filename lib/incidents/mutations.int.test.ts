import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { visibleIncidentsWhere } from '@/lib/teams/access';
import { createIncident, updateIncident } from './mutations';

let team: TestTeam;
let editor: TestMember;
let viewer: TestMember;
let admin: TestMember;
const base = { title: 'Checkout errors', severity: 'SEV2', startedAt: '2026-03-12T14:00:00.000Z' };

beforeAll(async () => {
  team = await createTestTeam('Mutations');
  editor = await team.add('editor', 'Eve Editor');
  viewer = await team.add('viewer', 'Vic Viewer');
  admin = await team.add('admin', 'Ada Admin');
  await db.templateSection.createMany({ data: [{ teamId: team.id, key: 'summary', title: 'Summary', position: 0 }, { teamId: team.id, key: 'impact', title: 'Impact', position: 1 }] });
});

async function fieldOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.details.fields?.[0]?.path.join('.');
    const issues = (error as { issues?: { path: PropertyKey[] }[] }).issues;
    return issues?.[0]?.path.map(String).join('.');
  }
  return undefined;
}

describe('createIncident', () => {
  it('allocates distinct consecutive numbers under concurrency', async () => {
    const other = await createTestTeam('Numbers');
    const author = await other.add('editor');
    const created = await Promise.all(Array.from({ length: 10 }, (_, i) => createIncident(author.actor, { ...base, title: `Parallel ${i}`, services: ['api', 'db'] })));
    expect(created.map((c) => c.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await db.team.findUniqueOrThrow({ where: { id: other.id }, select: { nextIncidentNo: true } })).toEqual({ nextIncidentNo: 11 });
    expect(await db.service.count({ where: { teamId: other.id } })).toBe(2);
  });

  it('creates services, template sections, derived status and an audit row', async () => {
    const before = await auditCount(team.id, 'incident.create');
    const incident = await createIncident(editor.actor, { ...base, services: ['checkout', 'payments', 'checkout'], mitigatedAt: '2026-03-12T14:30:00Z', summary: 'Card payments failed.' });
    expect(incident).toMatchObject({ version: 1, status: 'mitigated', services: ['checkout', 'payments'], summary: 'Card payments failed.' });
    const sections = await db.postmortemSection.findMany({ where: { incidentId: incident.id }, orderBy: { position: 'asc' }, select: { key: true, title: true, body: true } });
    expect(sections).toEqual([{ key: 'summary', title: 'Summary', body: '' }, { key: 'impact', title: 'Impact', body: '' }]);
    expect(await auditCount(team.id, 'incident.create')).toBe(before + 1);
    const resolved = await createIncident(editor.actor, { ...base, services: ['checkout'], mitigatedAt: '2026-03-12T14:30:00Z', resolvedAt: '2026-03-12T15:00:00Z' });
    expect(resolved.status).toBe('resolved');
    expect(await db.service.count({ where: { teamId: team.id, name: 'checkout' } })).toBe(1);
  });

  it('enforces the order rules on the offending field', async () => {
    expect(await fieldOf(createIncident(editor.actor, { ...base, detectedAt: '2026-03-12T13:00:00Z' }))).toBe('detectedAt');
    expect(await fieldOf(createIncident(editor.actor, { ...base, mitigatedAt: '2026-03-12T15:00:00Z', resolvedAt: '2026-03-12T14:30:00Z' }))).toBe('resolvedAt');
  });

  it('is FORBIDDEN for a viewer', async () => {
    expect(await errorCode(createIncident(viewer.actor, base))).toBe('FORBIDDEN');
  });

  it('keeps a restricted incident visible to the editor who restricted it, hidden from others', async () => {
    const incident = await createIncident(editor.actor, { ...base, visibility: 'restricted' });
    const seen = (actorRole: TestMember) => db.incident.count({ where: { id: incident.id, ...visibleIncidentsWhere(actorRole.actor) } });
    expect(await seen(editor)).toBe(1);
    expect(await seen(viewer)).toBe(0);
    expect(await seen(admin)).toBe(1);
  });
});

describe('updateIncident', () => {
  it('updates at the current version, bumps it, and audits before and after', async () => {
    const incident = await createIncident(editor.actor, base);
    const updated = await updateIncident(editor.actor, incident.id, { title: 'Checkout outage', resolvedAt: '2026-03-12T16:00:00Z', services: ['edge'] }, 1);
    expect(updated).toMatchObject({ title: 'Checkout outage', version: 2, status: 'resolved', services: ['edge'] });
    const audit = await db.auditLog.findFirstOrThrow({ where: { teamId: team.id, action: 'incident.update', entityId: incident.id }, select: { before: true, after: true } });
    expect(audit.before).toMatchObject({ title: 'Checkout errors', version: 1 });
    expect(audit.after).toMatchObject({ title: 'Checkout outage', version: 2 });
  });

  it('answers CONFLICT with the current incident on a stale version', async () => {
    const incident = await createIncident(editor.actor, base);
    await updateIncident(admin.actor, incident.id, { title: 'Renamed by admin' }, 1);
    try {
      await updateIncident(editor.actor, incident.id, { title: 'Mine' }, 1);
      expect.unreachable('stale update was saved');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('CONFLICT');
      expect((error as AppError).details.current).toMatchObject({ title: 'Renamed by admin', version: 2 });
    }
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id }, select: { title: true } })).title).toBe('Renamed by admin');
  });

  it('checks the order rules on the merged incident', async () => {
    const incident = await createIncident(editor.actor, { ...base, mitigatedAt: '2026-03-12T15:00:00Z' });
    expect(await fieldOf(updateIncident(editor.actor, incident.id, { resolvedAt: '2026-03-12T14:30:00Z' }, 1))).toBe('resolvedAt');
    expect(await fieldOf(updateIncident(editor.actor, incident.id, { startedAt: '2026-03-12T15:30:00Z' }, 1))).toBe('mitigatedAt');
  });

  it('is NOT_FOUND for unknown, foreign or restricted incidents and FORBIDDEN for a viewer', async () => {
    const incident = await createIncident(admin.actor, { ...base, visibility: 'restricted' });
    const outsider = await (await createTestTeam('Other')).add('admin');
    expect(await errorCode(updateIncident(editor.actor, incident.id, { title: 'x' }, 1))).toBe('NOT_FOUND');
    expect(await errorCode(updateIncident(outsider.actor, incident.id, { title: 'x' }, 1))).toBe('NOT_FOUND');
    expect(await errorCode(updateIncident(editor.actor, 'not-a-uuid', { title: 'x' }, 1))).toBe('NOT_FOUND');
    expect(await errorCode(updateIncident(viewer.actor, incident.id, { title: 'x' }, 1))).toBe('FORBIDDEN');
  });

  it('restricting an incident keeps the editor who did it among those who see it', async () => {
    const incident = await createIncident(editor.actor, base);
    await updateIncident(editor.actor, incident.id, { visibility: 'restricted' }, 1);
    expect(await db.incident.count({ where: { id: incident.id, ...visibleIncidentsWhere(editor.actor) } })).toBe(1);
    expect(await db.incident.count({ where: { id: incident.id, ...visibleIncidentsWhere(viewer.actor) } })).toBe(0);
  });
});
