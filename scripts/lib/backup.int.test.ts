import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/mutations';
import { createTestTeam, type TestMember } from '@/lib/teams/team-fixtures';
import { createEmptyDatabase, ROOT, type TestDatabase } from '../testing/test-database';
import { backupDatabase, pgDumpUsable, type BackupFormat } from './backup';
import { restoreDatabase } from './restore';

/**
 * The backup drill: back up while writes keep coming, restore into a fresh database, and find
 * every write that was acknowledged before the backup began, complete (an incident with all its
 * post-mortem sections), and nothing half-written.
 */
let dir = '';
let editor: TestMember;
const targets: TestDatabase[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-backup-'));
  const team = await createTestTeam('Backup drill');
  editor = await team.add('editor');
  await db.templateSection.createMany({ data: ['summary', 'impact'].map((key, position) => ({ teamId: team.id, key, title: key, position })) });
});

afterAll(async () => {
  for (const t of targets) await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Declares incidents one after another until stopped; returns the acknowledged ids in order. */
function keepWriting(label: string) {
  const acknowledged: string[] = [];
  let stop = false;
  const done = (async () => {
    for (let i = 0; !stop; i++) {
      const incident = await createIncident(editor.actor, { title: `${label} write ${i}`, severity: 'SEV3', startedAt: new Date(Date.now() - 60_000).toISOString() });
      acknowledged.push(incident.id);
    }
  })();
  return { acknowledged, stop: async () => ((stop = true), await done) };
}

async function drill(format: BackupFormat | 'auto') {
  const source = process.env.DATABASE_URL!;
  const writer = keepWriting(format);
  const file = path.join(dir, `drill-${format}`);
  let beforeBackup: string[];
  let afterBackup: number;
  let backup: Awaited<ReturnType<typeof backupDatabase>>;
  try {
    await expect.poll(() => writer.acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    beforeBackup = [...writer.acknowledged];
    backup = await backupDatabase(source, file, { format });
    afterBackup = writer.acknowledged.length;
  } finally {
    await writer.stop();
  }

  const target = await createEmptyDatabase('hs_restore');
  targets.push(target);
  const restored = await restoreDatabase(target.url, ROOT, file);
  expect(restored.format).toBe(backup.format);

  const ids = new Set((await query<{ id: string }>(target.url, `SELECT id FROM "Incident" WHERE title LIKE $1`, [`${format} write %`])).map((r) => r.id));
  for (const id of beforeBackup) expect(ids.has(id), `acknowledged before the backup: ${id}`).toBe(true);
  // Nothing that was not acknowledged by the time the backup finished (plus the one in flight).
  expect(ids.size).toBeLessThanOrEqual(afterBackup + 1);
  // Each restored incident is whole: both sections and its audit row came with it (one transaction, one snapshot).
  const partial = await query(target.url, `SELECT i.id FROM "Incident" i WHERE (SELECT count(*) FROM "PostmortemSection" s WHERE s."incidentId" = i.id) <> 2 OR NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."entityId" = i.id::text)`);
  expect(partial).toEqual([]);
  // Same rows as the source for everything acknowledged before the backup.
  const pick = `SELECT id, number, title, "startedAt", version, "teamId" FROM "Incident" WHERE id = ANY($1::uuid[]) ORDER BY number`;
  expect(await query(target.url, pick, [beforeBackup])).toEqual(await query(source, pick, [beforeBackup]));
  const users = `SELECT id, email, "passwordHash" FROM "User" ORDER BY email`;
  expect(await query(target.url, users)).toEqual(await query(source, users));
  // The restored database is ready for the app: every migration recorded.
  expect((await query(target.url, `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`))[0]).toEqual((await query(source, `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`))[0]);
  return backup;
}

describe('backup and restore drill', () => {
  it('JSON backup while writes continue restores every acknowledged write', async () => {
    expect((await drill('json')).format).toBe('json');
  });

  it('the automatic choice (pg_dump when it can read this server) restores every acknowledged write', async () => {
    const backup = await drill('auto');
    expect(backup.format).toBe((await pgDumpUsable(process.env.DATABASE_URL!)) ? 'pg_dump' : 'json');
  });

  it('refuses to restore into a database that has data, and changes nothing there', async () => {
    const file = path.join(dir, 'refuse.json');
    await backupDatabase(process.env.DATABASE_URL!, file, { format: 'json' });
    const before = await query(process.env.DATABASE_URL!, `SELECT count(*)::int AS n FROM "Incident"`);
    await expect(restoreDatabase(process.env.DATABASE_URL!, ROOT, file)).rejects.toThrow(/not empty/);
    expect(await query(process.env.DATABASE_URL!, `SELECT count(*)::int AS n FROM "Incident"`)).toEqual(before);
  });
});
