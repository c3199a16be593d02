import crypto from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { listMigrationNames } from '../lib/migrations-dir';
import { applyMigrations } from '../lib/migrations';
import { adminQuery, databaseUrl, ROOT } from './test-database';
import fs from 'node:fs';
import path from 'node:path';

/** With a real PostgreSQL: one migrated template database per migration set, cloned by each test file. */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) return;
  const h = crypto.createHash('sha256');
  for (const name of listMigrationNames(ROOT)) h.update(name).update(fs.readFileSync(path.join(ROOT, 'prisma/migrations', name, 'migration.sql')));
  const template = `hs_template_${h.digest('hex').slice(0, 16)}`;
  const client = await import('pg').then((m) => new m.default.Client({ connectionString: adminUrl }));
  await client.connect();
  const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount;
  await client.end();
  if (!exists) {
    const building = `${template}_tmp_${process.pid}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${building}"`);
    await applyMigrations(databaseUrl(adminUrl, building), ROOT);
    await adminQuery(adminUrl, `ALTER DATABASE "${building}" RENAME TO "${template}"`).catch(async () => {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`); // another run made it first
    });
  }
  project.provide('templateDatabase', template);
  process.env.TEST_DATABASE_TEMPLATE = template;
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
