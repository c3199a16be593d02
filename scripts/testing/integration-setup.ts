/**
 * Runs before each integration test file: gives the file its own freshly migrated database and
 * points DATABASE_URL (and so lib/db.ts) at it.
 */
import { afterAll, inject } from 'vitest';
import { createMigratedDatabase } from './test-database';

if (process.env.TEST_DATABASE_ADMIN_URL) process.env.TEST_DATABASE_TEMPLATE = inject('templateDatabase');
const database = await createMigratedDatabase();
process.env.DATABASE_URL = database.url;
// The embedded fallback is one PGlite session: one pooled connection, or concurrent statements
// and transactions interleave (see scripts/start.ts).
if (!process.env.TEST_DATABASE_ADMIN_URL) process.env.DB_POOL_MAX = '1';

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db.$disconnect().catch(() => undefined);
  await database.drop();
});
