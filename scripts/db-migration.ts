/**
 * npm run db:migration -- <name> — writes a new migration from the changes in
 * prisma/schema.prisma. The migration history is replayed into a throwaway in-memory embedded
 * database (the shadow) and compared with the schema; DATABASE_URL, or a temporary embedded
 * database when unset, is only the engine's connection. Offline.
 */
import { checkDatabase } from './lib/database-url';
import { embeddedShadow, startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
import { createMigration } from './lib/migrations';
import { runCli, UsageError } from './lib/cli';
import { ROOT } from './lib/paths';

async function main() {
  const name = process.argv.slice(2).join(' ');
  if (!name.trim()) throw new UsageError('usage: npm run db:migration -- <name>');
  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  try {
    if (!url) {
      embedded = await startEmbeddedPostgres({ dataDir: null });
      url = embedded.url;
    }
    await checkDatabase(url);
    // The shadow is always a fresh in-memory embedded database: no CREATE DATABASE privilege needed.
    const created = await createMigration(url, ROOT, name, embeddedShadow);
    console.log(created ? `Created prisma/migrations/${created}/migration.sql\nApply it with: npm run db:migrate` : 'No schema changes: no migration created.');
  } finally {
    await embedded?.stop();
  }
}

runCli(main);
