/**
 * Shared plumbing of the database commands (db:migrate, db:seed, token, user): DATABASE_URL or
 * the embedded database under its lock, a reachability check, one-line errors, explicit exit.
 */
import type { Db } from '../../lib/db';
import type { EmbeddedPostgres } from './embedded-postgres';
import { dataDir, fail } from './paths';

/** A usage mistake: printed as is (it may carry the usage line). */
export class UsageError extends Error {}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

/** Runs `fn` with a reachable database URL: DATABASE_URL, or the embedded database (taking its lock as `owner`). */
export async function withDatabaseUrl<T>(owner: string, fn: (url: string) => Promise<T>): Promise<T> {
  // Loaded only now: a usage error answers at once, and PGlite loads only for the embedded database.
  const { checkDatabase } = await import('./database-url');
  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  try {
    if (!url) {
      const { startEmbeddedPostgres } = await import('./embedded-postgres');
      embedded = await startEmbeddedPostgres({ dataDir: dataDir(), owner });
      url = embedded.url;
    }
    await checkDatabase(url);
    return await fn(url);
  } finally {
    await embedded?.stop();
  }
}

/** withDatabaseUrl with a Prisma client; a database that was never migrated gets a clear message. */
export async function withDatabase<T>(owner: string, fn: (db: Db) => Promise<T>): Promise<T> {
  return withDatabaseUrl(owner, async (url) => {
    const { createPrismaClient } = await import('../../lib/db');
    const db = createPrismaClient(url, { poolMax: 2 });
    try {
      return await fn(db);
    } catch (error) {
      if (hasCode(error, 'P2021')) throw new Error('the database has no Hindsight tables yet (run npm run db:migrate first)');
      throw error;
    } finally {
      await db.$disconnect();
    }
  });
}

/** Runs a command's main: exit 0, or one line on stderr and exit 1. Exits explicitly, since idle pg pools would keep the process alive. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => fail(error instanceof UsageError ? error.message : error instanceof Error ? error.message.split('\n')[0]! : String(error)),
  );
}

export { hasCode };
