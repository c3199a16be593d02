/**
 * npm run db:migration -- <name> — writes a new migration from the changes in
 * prisma/schema.prisma. The diff is computed in a throwaway shadow schema: on DATABASE_URL when
 * set, otherwise on a temporary in-memory embedded database. Offline.
 */
import { checkDatabase } from './lib/database-url';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
import { createMigration } from './lib/migrations';
import { fail, ROOT } from './lib/paths';

async function main() {
  const name = process.argv.slice(2).join(' ');
  if (!name.trim()) fail('usage: npm run db:migration -- <name>');
  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  try {
    if (!url) {
      embedded = await startEmbeddedPostgres({ dataDir: null });
      url = embedded.url;
    }
    await checkDatabase(url);
    // The shadow is always a fresh in-memory embedded database: no CREATE DATABASE privilege needed.
    const shadow = {
      async create() {
        const scratch = await startEmbeddedPostgres({ dataDir: null });
        return { url: scratch.url, drop: () => scratch.stop() };
      },
    };
    const created = await createMigration(url, ROOT, name, shadow);
    console.log(created ? `Created prisma/migrations/${created}/migration.sql\nApply it with: npm run db:migrate` : 'No schema changes: no migration created.');
  } finally {
    await embedded?.stop();
  }
}

// Exit explicitly: idle pg pools would otherwise keep the process alive for their idle timeout.
main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
