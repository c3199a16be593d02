/**
 * Runs before each integration test file: gives the file its own freshly migrated database and
 * points DATABASE_URL (and so lib/db.ts) at it.
 */
import { afterAll, inject } from 'vitest';
import { createMigratedDatabase } from './test-database';

if (process.env.TEST_DATABASE_ADMIN_URL) process.env.TEST_DATABASE_TEMPLATE = inject('templateDatabase');
const database = await createMigratedDatabase();
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db.$disconnect().catch(() => undefined);
  await database.drop();
});
