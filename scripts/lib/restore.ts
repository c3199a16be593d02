import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { backupFormatOf, libpqEnv, publicTables, type BackupFormat } from './backup';
import { withClient } from './database-url';
import { applyMigrations } from './migrations';
import { listMigrationNames, MIGRATIONS_DIR } from './migrations-dir';

export interface RestoreResult {
  format: BackupFormat;
  tables: number;
  rows: number;
  applied: string[];
}

interface JsonBackup {
  format: string;
  version: number;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
}

const CHUNK = 500;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A restore never merges into existing data: the target must have no tables at all. */
async function assertEmpty(url: string): Promise<void> {
  const tables = await withClient(url, (c) => publicTables(c));
  const migrated = await withClient(url, async (c) => (await c.query(`SELECT to_regclass('_prisma_migrations') AS t`)).rows[0]?.t != null);
  if (tables.length || migrated) throw new Error(`the target database is not empty (${tables.length} tables): restore into a new, empty database (createdb hindsight_restored)`);
}

/** Applies only the migrations the backup was taken with (its data has that shape), from a copy of the folder. */
async function applyBackupMigrations(url: string, root: string, names: string[]): Promise<void> {
  const known = new Set(listMigrationNames(root));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) throw new Error(`the backup comes from a newer Hindsight (unknown migrations: ${unknown.join(', ')}); restore it with that version`);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-restore-'));
  try {
    for (const name of names) fs.cpSync(path.join(root, MIGRATIONS_DIR, name), path.join(temp, MIGRATIONS_DIR, name), { recursive: true });
    if (names.length) await applyMigrations(url, temp);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** Tables ordered so that every table comes after the tables its foreign keys point at. */
async function insertOrder(c: pg.Client, tables: string[]): Promise<{ order: string[]; selfKeys: Map<string, string[]> }> {
  const fks = await c.query<{ child: string; parent: string; col: string }>(`
    SELECT ch.relname AS child, pa.relname AS parent, a.attname AS col
    FROM pg_constraint con
    JOIN pg_class ch ON ch.oid = con.conrelid
    JOIN pg_class pa ON pa.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = ch.relnamespace
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
    WHERE con.contype = 'f' AND n.nspname = 'public'`);
  const selfKeys = new Map<string, string[]>();
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks.rows) {
    if (fk.child === fk.parent) selfKeys.set(fk.child, [...(selfKeys.get(fk.child) ?? []), fk.col]);
    else parents.get(fk.child)?.add(fk.parent);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...(parents.get(t) ?? [])].every((p) => done.has(p) || !parents.has(p)));
    if (!ready.length) throw new Error('circular foreign keys between tables: cannot order the restore');
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return { order, selfKeys };
}

/** Rows of a self-referencing table (comment replies) after the rows they point at. */
function parentsFirst(rows: Record<string, unknown>[], keys: string[]): Record<string, unknown>[] {
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  let rest = rows;
  while (rest.length) {
    const next = rest.filter((r) => keys.every((k) => r[k] == null || placed.has(r[k])));
    if (!next.length) throw new Error('rows point at rows missing from the backup');
    for (const r of next) {
      out.push(r);
      placed.add(r.id);
    }
    rest = rest.filter((r) => !next.includes(r));
  }
  return out;
}

async function jsonRestore(url: string, root: string, file: string): Promise<Omit<RestoreResult, 'applied'>> {
  const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as JsonBackup;
  if (backup.version !== 1 || typeof backup.tables !== 'object') throw new Error(`unsupported backup version ${String(backup.version)}`);
  await applyBackupMigrations(url, root, backup.migrations);
  return withClient(url, async (c) => {
    const tables = await publicTables(c);
    const missing = Object.keys(backup.tables).filter((t) => !tables.includes(t));
    if (missing.length) throw new Error(`the backup has tables this schema lacks: ${missing.join(', ')}`);
    const { order, selfKeys } = await insertOrder(c, tables);
    let rows = 0;
    await c.query('BEGIN');
    try {
      for (const table of order) {
        const data = backup.tables[table] ?? [];
        if (!data.length) continue;
        const columns = (await c.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`, [table])).rows.map((r) => r.name);
        const cols = columns.filter((col) => col in data[0]!).map(ident).join(', ');
        const ordered = selfKeys.has(table) ? parentsFirst(data, selfKeys.get(table)!) : data;
        for (let i = 0; i < ordered.length; i += CHUNK) {
          await c.query(`INSERT INTO ${ident(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`, [JSON.stringify(ordered.slice(i, i + CHUNK))]);
        }
        rows += data.length;
      }
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return { format: 'json' as const, tables: order.length, rows };
  });
}

/**
 * Restores `file` (pg_dump custom format or JSON backup) into the EMPTY database at `url` in one
 * transaction, then applies the migrations that are newer than the backup.
 */
export async function restoreDatabase(url: string, root: string, file: string): Promise<RestoreResult> {
  const format = backupFormatOf(file);
  await assertEmpty(url);
  let result: Omit<RestoreResult, 'applied'>;
  if (format === 'pg_dump') {
    const { dbname, env } = libpqEnv(url);
    const out = spawnSync('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${dbname}`, file], { env, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`pg_restore failed: ${out.stderr.trim().split('\n')[0] ?? 'unknown error'}`);
    const counted = await withClient(url, async (c) => (await publicTables(c)).length);
    result = { format, tables: counted, rows: 0 };
  } else {
    result = await jsonRestore(url, root, file);
  }
  const applied = await applyMigrations(url, root);
  return { ...result, applied };
}
