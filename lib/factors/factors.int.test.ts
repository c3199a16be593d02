import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { linkFactor, unlinkFactor, updateLink } from './links';
import { createFactor, mergeFactors, setFactorArchived, updateFactor } from './mutations';
import { getFactorDetail, listCatalog, listIncidentFactors, listMergeTargets, suggestFactors } from './queries';

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;
let viewer: TestMember;
let outsider: TestMember;

beforeAll(async () => {
  team = await createTestTeam('Factors');
  admin = await team.add('admin');
  editor = await team.add('editor');
  viewer = await team.add('viewer');
  outsider = await (await createTestTeam('Elsewhere')).add('admin');
});

const incident = (title: string, extra: Partial<Parameters<typeof createIncident>[1]> = {}) =>
  createIncident(team.id, { title, severity: 'SEV2', startedAt: '2026-03-01T09:00:00Z', ...extra });

describe('factor catalog', () => {
  it('creates factors and refuses a name taken ignoring case, with a field error', async () => {
    const f = await createFactor(editor.actor, { name: 'Missing alerting', category: 'technical', description: 'No page fired' });
    expect(f).toMatchObject({ name: 'Missing alerting', category: 'technical', version: 1, archivedAt: null });
    const duplicate = createFactor(editor.actor, { name: '  missing ALERTING ', category: 'process' });
    await expect(duplicate).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: ['name'] }] } });
    expect(await errorCode(createFactor(editor.actor, { name: 'x', category: 'technical' }))).toBe('ZodError');
    expect(await errorCode(createFactor(editor.actor, { name: 'Blame', category: 'people' }))).toBe('ZodError');
    expect(await errorCode(createFactor(viewer.actor, { name: 'Viewer factor', category: 'technical' }))).toBe('FORBIDDEN');
    expect(await auditCount(team.id, 'factor.create')).toBe(1);
  });

  it('edits with the current version and answers CONFLICT when stale; unique names hold on rename', async () => {
    const f = await createFactor(editor.actor, { name: 'Runbook gap', category: 'process' });
    const saved = await updateFactor(editor.actor, f.id, { version: 1, name: 'Runbook out of date', category: 'process', description: 'Steps skipped' });
    expect(saved.version).toBe(2);
    expect(await errorCode(updateFactor(admin.actor, f.id, { version: 1, name: 'Mine', category: 'process' }))).toBe('CONFLICT');
    await expect(updateFactor(editor.actor, f.id, { version: 2, name: 'MISSING alerting', category: 'process' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await errorCode(updateFactor(outsider.actor, f.id, { version: 2, name: 'Other team', category: 'process' }))).toBe('NOT_FOUND');
    expect((await db.contributingFactor.findUniqueOrThrow({ where: { id: f.id } })).name).toBe('Runbook out of date');
  });

  it('archives (admins only), hides archived by default, and unarchives', async () => {
    const f = await createFactor(editor.actor, { name: 'Pager rota too thin', category: 'organizational' });
    expect(await errorCode(setFactorArchived(editor.actor, f.id, { version: 1, archived: 'true' }))).toBe('FORBIDDEN');
    await setFactorArchived(admin.actor, f.id, { version: 1, archived: 'true' });
    expect((await listCatalog(viewer.actor)).map((x) => x.name)).not.toContain('Pager rota too thin');
    expect((await listCatalog(viewer.actor, { includeArchived: 'true' })).find((x) => x.id === f.id)?.archived).toBe(true);
    expect((await suggestFactors(editor.actor, 'pager rota')).map((x) => x.id)).not.toContain(f.id);
    expect(await errorCode(setFactorArchived(admin.actor, f.id, { version: 1, archived: 'false' }))).toBe('CONFLICT');
    await setFactorArchived(admin.actor, f.id, { version: 2, archived: 'false' });
    expect((await suggestFactors(editor.actor, 'pager rot'))[0]?.id).toBe(f.id);
  });

  it('filters by category, searches fuzzily and counts visible incidents and open actions', async () => {
    const f = await createFactor(editor.actor, { name: 'Vendor degradation', category: 'external' });
    const open = await incident('Vendor slow');
    const hidden = await incident('Vendor restricted', { visibility: 'restricted' });
    await linkFactor(editor.actor, open.id, { factorId: f.id, howItContributed: 'The vendor was slow' });
    await linkFactor(admin.actor, hidden.id, { factorId: f.id, howItContributed: 'Secret' });
    await db.actionItem.createMany({ data: [
      { teamId: team.id, incidentId: open.id, factorId: f.id, title: 'Add vendor timeout', type: 'mitigate', status: 'open' },
      { teamId: team.id, incidentId: hidden.id, factorId: f.id, title: 'Secret action', type: 'mitigate', status: 'open' },
      { teamId: team.id, incidentId: open.id, factorId: f.id, title: 'Done one', type: 'detect', status: 'done' },
    ] });
    const asViewer = (await listCatalog(viewer.actor, { category: 'external' }));
    expect(asViewer.map((x) => x.name)).toEqual(['Vendor degradation']);
    expect(asViewer[0]).toMatchObject({ incidentCount: 1, openActionCount: 1 });
    expect((await listCatalog(admin.actor, { category: 'external' }))[0]).toMatchObject({ incidentCount: 2, openActionCount: 2 });
    expect((await listCatalog(viewer.actor, { q: 'vendr degradaton' }))[0]?.name).toBe('Vendor degradation');

    // The factor page shows only incidents (and their actions) the reader may see.
    const page = await getFactorDetail(viewer.actor, f.id, 'UTC', new Date('2026-06-01T00:00:00Z'));
    expect(page.incidents.map((i) => i.title)).toEqual(['Vendor slow']);
    expect(page.actions.map((a) => a.title).sort()).toEqual(['Add vendor timeout', 'Done one']);
    expect(JSON.stringify(page)).not.toContain('Secret');
    expect(page.months.find((m) => m.month === '2026-03')?.count).toBe(1);
    expect((await getFactorDetail(admin.actor, f.id, 'UTC', new Date('2026-06-01T00:00:00Z'))).incidents).toHaveLength(2);
    expect(await errorCode(getFactorDetail(outsider.actor, f.id, 'UTC'))).toBe('NOT_FOUND');
  });
});

describe('linking factors to incidents', () => {
  it('links an existing or a new factor, refuses a second link, edits with versions and unlinks', async () => {
    const inc = await incident('Checkout down');
    const f = await createFactor(editor.actor, { name: 'Retry storm', category: 'technical' });
    const link = await linkFactor(editor.actor, inc.id, { factorId: f.id, howItContributed: 'Clients retried without backoff' });
    expect(link).toMatchObject({ factorName: 'Retry storm', version: 1 });
    expect(await errorCode(linkFactor(editor.actor, inc.id, { factorId: f.id, howItContributed: 'again' }))).toBe('CONFLICT');
    expect(await errorCode(linkFactor(editor.actor, inc.id, { factorId: f.id, howItContributed: '  ' }))).toBe('ZodError');
    const created = await linkFactor(editor.actor, inc.id, { newName: 'No canary stage', category: 'process', howItContributed: 'Config went everywhere at once' });
    expect(created.category).toBe('process');
    await expect(linkFactor(editor.actor, inc.id, { newName: 'retry STORM', category: 'process', howItContributed: 'x' })).rejects.toMatchObject({ details: { fields: [{ path: ['newName'] }] } });
    expect((await listIncidentFactors(viewer.actor, inc.id)).map((l) => l.factorName)).toEqual(['Retry storm', 'No canary stage']);

    const edited = await updateLink(editor.actor, link.id, { version: 1, howItContributed: 'Retries tripled the load' });
    expect(edited.version).toBe(2);
    expect(await errorCode(updateLink(admin.actor, link.id, { version: 1, howItContributed: 'stale' }))).toBe('CONFLICT');
    expect(await errorCode(unlinkFactor(editor.actor, link.id, { version: 1 }))).toBe('CONFLICT');
    expect(await errorCode(unlinkFactor(viewer.actor, link.id, { version: 2 }))).toBe('FORBIDDEN');
    expect(await errorCode(unlinkFactor(outsider.actor, link.id, { version: 2 }))).toBe('NOT_FOUND');
    await unlinkFactor(editor.actor, link.id, { version: 2 });
    expect((await listIncidentFactors(viewer.actor, inc.id)).map((l) => l.factorName)).toEqual(['No canary stage']);
    expect(await auditCount(team.id, 'factor.unlink')).toBe(1);
  });

  it('denies viewers, other teams, restricted incidents and published post-mortems', async () => {
    const f = await createFactor(editor.actor, { name: 'Capacity headroom', category: 'technical' });
    const restricted = await incident('Restricted one', { visibility: 'restricted' });
    const inc = await incident('Plain one');
    expect(await errorCode(linkFactor(viewer.actor, inc.id, { factorId: f.id, howItContributed: 'x' }))).toBe('FORBIDDEN');
    expect(await errorCode(linkFactor(editor.actor, restricted.id, { factorId: f.id, howItContributed: 'x' }))).toBe('NOT_FOUND');
    expect(await errorCode(linkFactor(outsider.actor, inc.id, { factorId: f.id, howItContributed: 'x' }))).toBe('NOT_FOUND');
    expect(await listIncidentFactors(editor.actor, restricted.id)).toEqual([]);
    await db.incident.update({ where: { id: inc.id }, data: { postmortemStatus: 'published' } });
    expect(await errorCode(linkFactor(editor.actor, inc.id, { factorId: f.id, howItContributed: 'x' }))).toBe('FORBIDDEN');
  });
});

describe('merging duplicates', () => {
  it('moves links and actions, combines an incident linked to both, archives the duplicate, audited', async () => {
    const keep = await createFactor(editor.actor, { name: 'Missing alert on disk', category: 'technical' });
    const dup = await createFactor(editor.actor, { name: 'No disk alerting', category: 'technical' });
    const both = await incident('Disk full A');
    const onlyDup = await incident('Disk full B');
    await linkFactor(editor.actor, both.id, { factorId: keep.id, howItContributed: 'Nobody was paged' });
    await linkFactor(editor.actor, both.id, { factorId: dup.id, howItContributed: 'The disk alert was never created' });
    await linkFactor(editor.actor, onlyDup.id, { factorId: dup.id, howItContributed: 'Silent disk' });
    const action = await db.actionItem.create({ data: { teamId: team.id, incidentId: onlyDup.id, factorId: dup.id, title: 'Add disk alert', type: 'detect' }, select: { id: true } });

    expect(await errorCode(mergeFactors(editor.actor, { sourceId: dup.id, survivorId: keep.id }))).toBe('FORBIDDEN');
    expect(await errorCode(mergeFactors(admin.actor, { sourceId: dup.id, survivorId: dup.id }))).toBe('ZodError');
    expect(await errorCode(mergeFactors(outsider.actor, { sourceId: dup.id, survivorId: keep.id }))).toBe('NOT_FOUND');
    const result = await mergeFactors(admin.actor, { sourceId: dup.id, survivorId: keep.id });
    expect(result).toMatchObject({ movedLinks: 1, combinedLinks: 1, movedActions: 1 });

    const links = await db.incidentFactor.findMany({ where: { incidentId: { in: [both.id, onlyDup.id] } }, select: { incidentId: true, factorId: true, howItContributed: true } });
    expect(links.every((l) => l.factorId === keep.id)).toBe(true);
    expect(links).toHaveLength(2);
    expect(links.find((l) => l.incidentId === both.id)?.howItContributed).toBe('Nobody was paged\n\nThe disk alert was never created');
    expect((await db.actionItem.findUniqueOrThrow({ where: { id: action.id } })).factorId).toBe(keep.id);
    const merged = await db.contributingFactor.findUniqueOrThrow({ where: { id: dup.id } });
    expect(merged.mergedIntoId).toBe(keep.id);
    expect(merged.archivedAt).not.toBeNull();
    expect((await listCatalog(admin.actor, { includeArchived: 'true' })).map((f) => f.id)).not.toContain(dup.id);
    expect((await getFactorDetail(viewer.actor, dup.id, 'UTC')).mergedInto).toEqual({ id: keep.id, name: 'Missing alert on disk' });
    expect(await auditCount(team.id, 'factor.merge')).toBe(1);
    expect(await errorCode(mergeFactors(admin.actor, { sourceId: dup.id, survivorId: keep.id }))).toBe('CONFLICT');
  });

  it('offers likely duplicates first as merge targets', async () => {
    const source = await createFactor(editor.actor, { name: 'Paging policy unclear', category: 'process' });
    await createFactor(editor.actor, { name: 'AAA unrelated storage quota', category: 'technical' });
    await createFactor(editor.actor, { name: 'Unclear paging policy', category: 'process' });
    const targets = await listMergeTargets(admin.actor, source.id, source.name);
    expect(targets[0]).toMatchObject({ name: 'Unclear paging policy', likelyDuplicate: true });
    expect(targets.find((t) => t.name === 'AAA unrelated storage quota')?.likelyDuplicate).toBe(false);
    expect(targets.map((t) => t.id)).not.toContain(source.id);
  });
});
