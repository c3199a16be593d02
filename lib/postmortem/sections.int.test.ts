import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { listMemberNames, listRevisions, listSections, restoreRevision, saveSection } from './sections';

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;
let other: TestMember;
let viewer: TestMember;
let named: TestMember;

async function newIncident(fx: Partial<Parameters<typeof createIncident>[1]> = {}) {
  const incident = await createIncident(team.id, { title: 'Checkout outage', severity: 'SEV2', startedAt: '2026-03-01T10:00:00Z', sections: { summary: 'First draft.', impact: '' }, ...fx });
  const sections = await db.postmortemSection.findMany({ where: { incidentId: incident.id }, orderBy: { position: 'asc' }, select: { id: true } });
  return { id: incident.id, summary: sections[0]!.id, impact: sections[1]!.id };
}

async function conflictOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('CONFLICT');
  return (error as AppError).details.current as { body: string; version: number; by: string | null; at: string };
}

beforeAll(async () => {
  team = await createTestTeam('Post-mortems');
  admin = await team.add('admin', 'Ada Admin');
  editor = await team.add('editor', 'Ed Editor');
  other = await team.add('editor', 'Olu Other');
  viewer = await team.add('viewer', 'Vic Viewer');
  named = await team.add('editor', 'Nia Named');
});

describe('post-mortem sections', () => {
  it('lists sections in order for a viewer, and the team member names', async () => {
    const inc = await newIncident();
    const sections = await listSections(viewer.actor, inc.id);
    expect(sections.map((s) => [s.key, s.body, s.version])).toEqual([['summary', 'First draft.', 1], ['impact', '', 1]]);
    expect(await listMemberNames(viewer.actor)).toEqual(expect.arrayContaining(['Ada Admin', 'Ed Editor', 'Vic Viewer']));
  });

  it('saves with the current version, writing a revision and an audit row', async () => {
    const inc = await newIncident();
    const audits = await auditCount(team.id, 'postmortem.section_save');
    expect(await saveSection(editor.actor, inc.summary, 'Second draft.', 1)).toMatchObject({ version: 2 });
    const [section] = await listSections(editor.actor, inc.id);
    expect(section).toMatchObject({ body: 'Second draft.', version: 2, updatedBy: 'Ed Editor' });
    const revisions = await db.revision.findMany({ where: { entityId: inc.summary } });
    expect(revisions).toEqual([expect.objectContaining({ entity: 'section', version: 2, actorId: editor.userId, content: { title: 'summary', body: 'Second draft.' } })]);
    expect(await auditCount(team.id, 'postmortem.section_save')).toBe(audits + 1);
  });

  it('refuses a stale save with CONFLICT carrying the current text, and changes nothing', async () => {
    const inc = await newIncident();
    await saveSection(editor.actor, inc.summary, 'Editor text', 1);
    const current = await conflictOf(saveSection(other.actor, inc.summary, 'Other text', 1));
    expect(current).toMatchObject({ body: 'Editor text', version: 2, by: 'Ed Editor' });
    expect(new Date(current.at).getTime()).not.toBeNaN();
    expect(await db.revision.count({ where: { entityId: inc.summary } })).toBe(1);
    // "Keep mine": saving over the version the conflict reported succeeds.
    expect(await saveSection(other.actor, inc.summary, 'Other text', current.version)).toMatchObject({ version: 3 });
  });

  it('never conflicts across sections, even when saved concurrently', async () => {
    const inc = await newIncident();
    const results = await Promise.all([saveSection(editor.actor, inc.summary, 'Summary by Ed', 1), saveSection(other.actor, inc.impact, 'Impact by Olu', 1)]);
    expect(results.map((r) => r.version)).toEqual([2, 2]);
    const sections = await listSections(admin.actor, inc.id);
    expect(sections.map((s) => s.body)).toEqual(['Summary by Ed', 'Impact by Olu']);
  });

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    const inc = await newIncident();
    const codes = await Promise.all([errorCode(saveSection(editor.actor, inc.summary, 'A', 1)), errorCode(saveSection(other.actor, inc.summary, 'B', 1))]);
    expect(codes.sort()).toEqual(['CONFLICT', 'RESOLVED']);
  });

  it('lists revisions newest first and restores one as a new revision', async () => {
    const inc = await newIncident();
    await saveSection(editor.actor, inc.summary, 'v2 text', 1);
    await saveSection(other.actor, inc.summary, 'v3 text', 2);
    const { revisions } = await listRevisions(viewer.actor, inc.summary);
    expect(revisions.map((r) => [r.version, r.body, r.by])).toEqual([[3, 'v3 text', 'Olu Other'], [2, 'v2 text', 'Ed Editor']]);
    expect(await errorCode(restoreRevision(editor.actor, inc.summary, 2, 2))).toBe('CONFLICT');
    expect(await restoreRevision(editor.actor, inc.summary, 2, 3)).toMatchObject({ version: 4 });
    const after = await listRevisions(viewer.actor, inc.summary);
    expect(after.revisions[0]).toMatchObject({ version: 4, body: 'v2 text', by: 'Ed Editor' });
    expect(await auditCount(team.id, 'postmortem.section_restore')).toBeGreaterThanOrEqual(1);
    expect(await errorCode(restoreRevision(editor.actor, inc.summary, 99, 4))).toBe('NOT_FOUND');
  });

  it('forbids viewers to save or restore', async () => {
    const inc = await newIncident();
    expect(await errorCode(saveSection(viewer.actor, inc.summary, 'x', 1))).toBe('FORBIDDEN');
    expect(await errorCode(restoreRevision(viewer.actor, inc.summary, 1, 1))).toBe('FORBIDDEN');
  });

  it('keeps published post-mortems read-only', async () => {
    const inc = await newIncident();
    await db.incident.update({ where: { id: inc.id }, data: { postmortemStatus: 'published' } });
    expect(await errorCode(saveSection(admin.actor, inc.summary, 'x', 1))).toBe('FORBIDDEN');
    expect((await listRevisions(viewer.actor, inc.summary)).section.readOnly).toBe(true);
    expect((await listSections(viewer.actor, inc.id))[0]).toMatchObject({ body: 'First draft.', version: 1 });
  });

  it('hides restricted incidents from editors who are not named (NOT_FOUND), not from named ones', async () => {
    const inc = await newIncident({ visibility: 'restricted', members: [named.userId] });
    expect(await errorCode(listSections(editor.actor, inc.id))).toBe('NOT_FOUND');
    expect(await errorCode(saveSection(editor.actor, inc.summary, 'x', 1))).toBe('NOT_FOUND');
    expect(await errorCode(listRevisions(editor.actor, inc.summary))).toBe('NOT_FOUND');
    expect(await saveSection(named.actor, inc.summary, 'named edit', 1)).toMatchObject({ version: 2 });
    expect(await saveSection(admin.actor, inc.summary, 'admin edit', 2)).toMatchObject({ version: 3 });
  });

  it('hides other teams’ sections', async () => {
    const inc = await newIncident();
    const elsewhere = await createTestTeam('Elsewhere');
    const outsider = await elsewhere.add('admin');
    expect(await errorCode(saveSection(outsider.actor, inc.summary, 'x', 1))).toBe('NOT_FOUND');
    expect(await errorCode(listSections(outsider.actor, inc.id))).toBe('NOT_FOUND');
  });
});
