import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyDatabase, ROOT, type TestDatabase } from '@/scripts/testing/test-database';
import { listMigrationNames } from './migrations-dir';
import { applyMigrations, createMigration, MigrationError } from './migrations';
import { embeddedShadow } from './embedded-postgres';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyDb(): Promise<TestDatabase> {
  const database = await createEmptyDatabase('hs_mig');
  cleanups.push(database.drop);
  return database;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of the project's migrations and schema, to add migrations to without touching the repo. */
function scratchRoot(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-migrations-'));
  fs.cpSync(path.join(ROOT, 'prisma'), path.join(dir, 'prisma'), { recursive: true });
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('migrations', () => {
  it('apply to an empty database, create every table, and are then a no-op', async () => {
    const { url } = await emptyDb();
    expect(await applyMigrations(url, ROOT)).toEqual(listMigrationNames(ROOT));
    const tables = (await query<{ t: string }>(url, `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).map((r) => r.t);
    for (const t of ['Team', 'User', 'Membership', 'ApiToken', 'Incident', 'TimelineEvent', 'ContributingFactor', 'IncidentFactor', 'ActionItem', 'ReviewMeeting', 'Revision', 'AuditLog'])
      expect(tables).toContain(t);
    expect(await applyMigrations(url, ROOT)).toEqual([]);
  });

  it('store every timestamp as timestamptz', async () => {
    const { url } = await emptyDb();
    await applyMigrations(url, ROOT);
    const naive = await query<{ c: string }>(
      url,
      `SELECT table_name || '.' || column_name AS c FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'timestamp without time zone' AND table_name <> '_prisma_migrations'`,
    );
    expect(naive).toEqual([]);
  });

  it('keep incident numbers unique per team', async () => {
    const { url } = await emptyDb();
    await applyMigrations(url, ROOT);
    await query(url, `INSERT INTO "Team"(id, slug, name, "updatedAt") VALUES ('00000000-0000-4000-8000-000000000001', 'a', 'A', now()), ('00000000-0000-4000-8000-000000000002', 'b', 'B', now())`);
    const insert = (team: string, id: string) =>
      query(url, `INSERT INTO "Incident"(id, "teamId", number, title, severity, "startedAt", "updatedAt") VALUES ('${id}', '${team}', 1, 't', 'SEV2', now(), now())`);
    await insert('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1');
    await insert('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000a2');
    await expect(insert('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a3')).rejects.toThrow(/unique/i);
  });

  it('roll a failing migration back completely and say which one failed', async () => {
    const { url } = await emptyDb();
    const root = scratchRoot();
    const bad = path.join(root, 'prisma/migrations/29990101000000_broken');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'migration.sql'), 'CREATE TABLE "Half" (id int);\nALTER TABLE "DoesNotExist" ADD COLUMN x int;\n');
    await expect(applyMigrations(url, root)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(url, root)).rejects.toThrow(/29990101000000_broken.*"DoesNotExist" does not exist/);
    const half = await query<{ t: string | null }>(url, `SELECT to_regclass('"Half"')::text AS t`);
    expect(half[0]?.t).toBeNull();
    const history = await query<{ name: string }>(url, 'SELECT migration_name AS name FROM _prisma_migrations ORDER BY 1');
    expect(history.map((r) => r.name)).toEqual(listMigrationNames(ROOT));
  });

  it('match prisma/schema.prisma exactly (no migration left to create)', async () => {
    const { url } = await emptyDb();
    const root = scratchRoot();
    expect(await createMigration(url, root, 'drift check', embeddedShadow)).toBeNull();
  });

  it('create a migration from a schema change, which then applies', async () => {
    const { url } = await emptyDb();
    const root = scratchRoot();
    const schemaPath = path.join(root, 'prisma/schema.prisma');
    fs.writeFileSync(schemaPath, fs.readFileSync(schemaPath, 'utf8').replace('  reviewTime     String    @default("10:00")', '  reviewTime     String    @default("10:00")\n  motto          String?'));
    const name = await createMigration(url, root, 'Add team motto', embeddedShadow, new Date('2099-01-02T03:04:05Z'));
    expect(name).toBe('20990102030405_add_team_motto');
    expect(fs.readFileSync(path.join(root, 'prisma/migrations', name!, 'migration.sql'), 'utf8')).toMatch(/ALTER TABLE "Team" ADD COLUMN\s+"motto" TEXT/);
    const applied = await applyMigrations(url, root);
    expect(applied.at(-1)).toBe(name);
  });
});
