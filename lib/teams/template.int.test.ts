import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createIncident } from '@/lib/incidents/mutations';
import { DEFAULT_TEMPLATE } from './default-template';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from './team-fixtures';
import { listTemplate, saveTemplate, type TemplateSectionRow } from './template';

let team: TestTeam;
let admin: TestMember;

const versionsOf = (rows: readonly TemplateSectionRow[]) => Object.fromEntries(rows.map((r) => [r.id, r.version]));
const asInput = (rows: readonly TemplateSectionRow[]) => rows.map(({ id, title, guidance }) => ({ id, title, guidance }));

beforeEach(async () => {
  team = await createTestTeam('Template');
  admin = await team.add('admin', 'Ada Admin');
  await db.templateSection.createMany({ data: DEFAULT_TEMPLATE.slice(0, 3).map((s, position) => ({ ...s, position, teamId: team.id })) });
});

describe('listTemplate', () => {
  it('gives any member the sections in order', async () => {
    const viewer = await team.add('viewer');
    expect((await listTemplate(viewer.actor)).map((s) => s.key)).toEqual(['summary', 'impact', 'detection']);
  });
});

describe('saveTemplate', () => {
  it('adds, renames, edits guidance, reorders and removes in one save; keys stay stable', async () => {
    const before = await listTemplate(admin.actor);
    const [summary, impact] = before;
    const saved = await saveTemplate(
      admin.actor,
      [
        { id: impact!.id, title: 'Customer impact', guidance: 'Who noticed, and how.' },
        { title: 'Follow-up questions', guidance: '' },
        { id: summary!.id, title: summary!.title, guidance: summary!.guidance },
      ],
      versionsOf(before),
    );
    expect(saved.map((s) => [s.key, s.title, s.position])).toEqual([
      ['impact', 'Customer impact', 0],
      ['follow_up_questions', 'Follow-up questions', 1],
      ['summary', 'Summary', 2],
    ]);
    expect(saved[0]).toMatchObject({ guidance: 'Who noticed, and how.', version: 2 });
    expect(saved[2]?.version).toBe(2); // moved
    expect(await auditCount(team.id, 'team.template_update')).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { teamId: team.id, action: 'team.template_update' }, select: { before: true, after: true, actorId: true } });
    expect(audit.actorId).toBe(admin.userId);
    expect(JSON.stringify(audit.before)).toContain('detection');
    expect(JSON.stringify(audit.after)).toContain('follow_up_questions');
  });

  it('never reuses the key of a removed section', async () => {
    const before = await listTemplate(admin.actor);
    const saved = await saveTemplate(admin.actor, [...asInput(before.slice(1)), { title: 'Summary', guidance: '' }], versionsOf(before));
    expect(saved.map((s) => s.key)).toEqual(['impact', 'detection', 'summary_2']);
  });

  it('refuses a stale save with CONFLICT and writes nothing', async () => {
    const before = await listTemplate(admin.actor);
    await saveTemplate(admin.actor, asInput(before).reverse(), versionsOf(before));
    const error = await saveTemplate(admin.actor, [...asInput(before), { title: 'Extra', guidance: '' }], versionsOf(before)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((await listTemplate(admin.actor)).map((s) => s.key)).toEqual(['detection', 'impact', 'summary']);
    // A section added by someone else since is a conflict too.
    const now = await listTemplate(admin.actor);
    await saveTemplate(admin.actor, [...asInput(now), { title: 'Extra', guidance: '' }], versionsOf(now));
    expect(await errorCode(saveTemplate(admin.actor, asInput(now), versionsOf(now)))).toBe('CONFLICT');
    expect(await auditCount(team.id, 'team.template_update')).toBe(2);
  });

  it('is for admins only, and validates titles', async () => {
    const before = await listTemplate(admin.actor);
    for (const role of ['viewer', 'editor'] as const) {
      const member = await team.add(role);
      expect(await errorCode(saveTemplate(member.actor, asInput(before), versionsOf(before)))).toBe('FORBIDDEN');
    }
    expect(await errorCode(saveTemplate(admin.actor, [{ title: ' ', guidance: '' }], versionsOf(before)))).toBe('ZodError');
    expect(await errorCode(saveTemplate(admin.actor, [], versionsOf(before)))).toBe('ZodError');
    expect(await errorCode(saveTemplate(admin.actor, [{ title: 'A' }, { title: 'a' }], versionsOf(before)))).toBe('ZodError');
  });

  it('leaves existing incidents their sections; new incidents use the new template', async () => {
    const editor = await team.add('editor');
    const declare = (title: string) => createIncident(editor.actor, { title, severity: 'SEV3', startedAt: '2026-01-01T10:00:00Z' });
    const old = await declare('Before the change');
    const before = await listTemplate(admin.actor);
    await saveTemplate(admin.actor, [{ id: before[1]!.id, title: 'Blast radius', guidance: '' }, { title: 'Lessons', guidance: '' }], versionsOf(before));
    const fresh = await declare('After the change');
    const sectionsOf = async (incidentId: string) =>
      (await db.postmortemSection.findMany({ where: { incidentId }, orderBy: { position: 'asc' }, select: { key: true, title: true } })).map((s) => `${s.key}:${s.title}`);
    expect(await sectionsOf(old.id)).toEqual(['summary:Summary', 'impact:Impact', 'detection:Detection']);
    expect(await sectionsOf(fresh.id)).toEqual(['impact:Blast radius', 'lessons:Lessons']);
  });
});
