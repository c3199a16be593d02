import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { commitCsvImport, previewCsvImport } from './csv-import';

let team: TestTeam;
let editor: TestMember;
let viewer: TestMember;

const CSV = [
  'Title,Severity,Started,Detected,Resolved,Services,TZ',
  'Checkout 500s,SEV2,2024-03-01 14:00,2024-03-01 14:05,2024-03-01 15:30,checkout;payments,',
  'Login outage,P1,2024-07-01 08:00,,2024-07-01 09:15,auth,America/New_York',
  'Broken row,SEV7,2024-07-02 08:00,,,,',
  'Game day,sev4,2024-07-03T10:00:00Z,,2024-07-03T11:00:00Z,,',
].join('\n');
const base = { fileName: 'history.csv', csv: CSV, defaultTimeZone: 'Europe/Berlin' };

beforeAll(async () => {
  team = await createTestTeam('CSV import');
  editor = await team.add('editor', 'Eve Editor');
  viewer = await team.add('viewer', 'Vic Viewer');
  await db.templateSection.create({ data: { teamId: team.id, key: 'summary', title: 'Summary', position: 0 } });
});

describe('CSV import of historic incidents', () => {
  it('previews with guessed columns, counts and row-level errors, writing nothing', async () => {
    const preview = await previewCsvImport(editor.actor, base);
    expect(preview).toMatchObject({ total: 4, valid: 3, invalid: 1, mappingIssues: [] });
    expect(preview.mapping).toMatchObject({ title: 0, severity: 1, startedAt: 2, detectedAt: 3, resolvedAt: 4, services: 5, timeZone: 6 });
    expect(preview.errors).toEqual([{ row: 4, column: 'Severity', message: expect.stringContaining('SEV7') }]);
    expect(preview.rows[1]).toMatchObject({ row: 3, ok: true, severity: 'SEV1', startedAt: '2024-07-01T12:00:00.000Z' });
    expect(await db.incident.count({ where: { teamId: team.id } })).toBe(0);
  });

  it('refuses the whole file while a row has errors and nothing was confirmed', async () => {
    const error = await commitCsvImport(editor.actor, { ...base, expectedCount: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/1 row has errors/);
    expect(await db.incident.count({ where: { teamId: team.id } })).toBe(0);
  });

  it('imports the valid rows in one go once the bad rows are explicitly skipped', async () => {
    const result = await commitCsvImport(editor.actor, { ...base, skipInvalid: true, expectedCount: 3 });
    expect(result).toEqual({ imported: 3, skipped: 1, firstNumber: 1, lastNumber: 3 });
    const incidents = await db.incident.findMany({
      where: { teamId: team.id },
      orderBy: { number: 'asc' },
      select: { number: true, title: true, severity: true, status: true, startedAt: true, detectedAt: true, resolvedAt: true, services: { select: { service: { select: { name: true } } } }, sections: { select: { key: true } } },
    });
    expect(incidents.map((i) => [i.number, i.title, i.severity, i.status])).toEqual([
      [1, 'Checkout 500s', 'SEV2', 'resolved'],
      [2, 'Login outage', 'SEV1', 'resolved'],
      [3, 'Game day', 'SEV4', 'resolved'],
    ]);
    // Berlin is UTC+1 on 1 March; the row zone (New York, UTC-4 in July) wins where given.
    expect(incidents[0]?.startedAt.toISOString()).toBe('2024-03-01T13:00:00.000Z');
    expect(incidents[0]?.detectedAt?.toISOString()).toBe('2024-03-01T13:05:00.000Z');
    expect(incidents[1]?.resolvedAt?.toISOString()).toBe('2024-07-01T13:15:00.000Z');
    expect(incidents[0]?.services.map((s) => s.service.name).sort()).toEqual(['checkout', 'payments']);
    expect(incidents[0]?.sections).toEqual([{ key: 'summary' }]);
    expect(await auditCount(team.id, 'incident.import')).toBe(3);
    expect(await auditCount(team.id, 'incidents.import_csv')).toBe(1);
    expect(await db.webhookDelivery.count({ where: { teamId: team.id } })).toBe(0);
  });

  it('refuses when the server counts differently from the preview', async () => {
    expect(await errorCode(commitCsvImport(editor.actor, { ...base, skipInvalid: true, expectedCount: 4 }))).toBe('CONFLICT');
  });

  it('uses an explicit mapping and refuses one without the required columns', async () => {
    const csv = 'when,what,how bad\n2024-01-01 10:00,Disk full,2\n';
    const preview = await previewCsvImport(editor.actor, { csv, defaultTimeZone: 'UTC', mapping: { title: 1, severity: 2, startedAt: 0 } });
    expect(preview).toMatchObject({ valid: 1, invalid: 0, rows: [{ title: 'Disk full', severity: 'SEV2' }] });
    expect((await previewCsvImport(editor.actor, { csv, defaultTimeZone: 'UTC' })).mappingIssues.length).toBeGreaterThan(0);
    expect(await errorCode(commitCsvImport(editor.actor, { csv, defaultTimeZone: 'UTC', expectedCount: 1 }))).toBe('VALIDATION');
  });

  it('is for editors and above', async () => {
    expect(await errorCode(previewCsvImport(viewer.actor, base))).toBe('FORBIDDEN');
    expect(await errorCode(commitCsvImport(viewer.actor, { ...base, skipInvalid: true, expectedCount: 3 }))).toBe('FORBIDDEN');
  });
});
