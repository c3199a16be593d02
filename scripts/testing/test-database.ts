/**
 * Fresh databases for tests. With a real PostgreSQL (TEST_DATABASE_ADMIN_URL, set by
 * scripts/test.ts from DATABASE_URL or 127.0.0.1:5432) each test file gets its own database
 * cloned from a migrated template, so files run in parallel. Without one, each file gets its
 * own in-memory embedded PostgreSQL with the migrations applied.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { applyMigrations } from '../lib/migrations';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations). */
export async function createEmptyDatabase(prefix = 'hs_test'): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: null });
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  return { url: databaseUrl(adminUrl, name), drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A fresh database with every migration applied. */
export async function createMigratedDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  const template = process.env.TEST_DATABASE_TEMPLATE;
  if (!adminUrl || !template) {
    const empty = await createEmptyDatabase();
    await applyMigrations(empty.url, ROOT);
    return empty;
  }
  const name = `hs_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return { url: databaseUrl(adminUrl, name), drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
