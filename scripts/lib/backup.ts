import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type pg from 'pg';
import { withClient } from './database-url';

/**
 * Backups of the whole database. `pg_dump` (custom format, one consistent snapshot) when it is
 * installed and at least as new as the server; otherwise a JSON backup: every table read in one
 * REPEATABLE READ snapshot, restored in foreign-key order in one transaction. The embedded
 * database (PGlite, PostgreSQL 17) has no matching pg_dump here, so it always gets JSON.
 */
export type BackupFormat = 'pg_dump' | 'json';
export interface BackupResult {
  file: string;
  format: BackupFormat;
  bytes: number;
}

const JSON_FORMAT = 'hindsight-backup';
const PG_DUMP_MAGIC = 'PGDMP';
const MIGRATIONS_TABLE = '_prisma_migrations';

/** libpq environment for a URL, so the password never appears on a command line. */
export function libpqEnv(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  u.password = '';
  return { dbname: u.toString(), env };
}


function toolMajor(tool: string): number | null {
  const out = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (out.status !== 0) return null;
  const m = /(\d+)(?:\.\d+)?/.exec(out.stdout);
  return m ? Number(m[1]) : null;
}

/** True when pg_dump and pg_restore exist and can read this server (pg_dump refuses newer servers). */
export async function pgDumpUsable(url: string): Promise<boolean> {
  const dump = toolMajor('pg_dump');
  if (dump === null || toolMajor('pg_restore') === null) return false;
  const server = await withClient(url, async (c) => Number((await c.query<{ v: string }>('SHOW server_version_num')).rows[0]?.v ?? 0));
  return Math.floor(server / 10000) <= dump;
}

async function publicTables(c: pg.Client | pg.PoolClient): Promise<string[]> {
  const r = await c.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1 ORDER BY tablename`, [MIGRATIONS_TABLE]);
  return r.rows.map((row) => row.name);
}

async function jsonBackup(url: string, file: string): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const migrations = (await c.query<{ name: string }>(`SELECT migration_name AS name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)).rows.map((r) => r.name);
      const out = fs.openSync(file, 'w', 0o600);
      try {
        fs.writeSync(out, `{"format":${JSON.stringify(JSON_FORMAT)},"version":1,"createdAt":${JSON.stringify(new Date().toISOString())},"migrations":${JSON.stringify(migrations)},"tables":{`);
        const tables = await publicTables(c);
        for (const [i, table] of tables.entries()) {
          // Table names come from the catalog; quote them as identifiers.
          const rows = await c.query<{ j: string }>(`SELECT coalesce(json_agg(t), '[]')::text AS j FROM "${table.replaceAll('"', '""')}" t`);
          fs.writeSync(out, `${i ? ',' : ''}${JSON.stringify(table)}:${rows.rows[0]?.j ?? '[]'}`);
        }
        fs.writeSync(out, '}}\n');
      } finally {
        fs.closeSync(out);
      }
    } finally {
      await c.query('ROLLBACK');
    }
  });
}

/** Writes a backup of the database at `url` to `file`. */
export async function backupDatabase(url: string, file: string, options: { format?: BackupFormat | 'auto' } = {}): Promise<BackupResult> {
  const format: BackupFormat = options.format && options.format !== 'auto' ? options.format : (await pgDumpUsable(url)) ? 'pg_dump' : 'json';
  if (format === 'pg_dump') {
    const { dbname, env } = libpqEnv(url);
    const out = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${dbname}`], { env, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`pg_dump failed: ${out.stderr.trim().split('\n')[0] ?? 'unknown error'}`);
  } else {
    await jsonBackup(url, file);
  }
  return { file, format, bytes: fs.statSync(file).size };
}

export function backupFormatOf(file: string): BackupFormat {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64);
    const n = fs.readSync(fd, head, 0, 64, 0);
    const text = head.subarray(0, n).toString('latin1');
    if (text.startsWith(PG_DUMP_MAGIC)) return 'pg_dump';
    if (text.includes(`"format":"${JSON_FORMAT}"`)) return 'json';
  } finally {
    fs.closeSync(fd);
  }
  throw new Error(`${file} is neither a pg_dump custom-format file nor a Hindsight JSON backup`);
}

export { publicTables };
