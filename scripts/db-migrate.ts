/**
 * npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database
 * in .hindsight/ when DATABASE_URL is unset. Offline: uses Prisma's WebAssembly schema engine.
 */
import { checkDatabase } from './lib/database-url';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';
import { dataDir, fail, ROOT } from './lib/paths';

async function main() {
  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  try {
    if (!url) {
      embedded = await startEmbeddedPostgres({ dataDir: dataDir(), owner: 'npm run db:migrate' });
      url = embedded.url;
    }
    await checkDatabase(url);
    const applied = await applyMigrations(url, ROOT);
    console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'Database is up to date.');
  } finally {
    await embedded?.stop();
  }
}

// Exit explicitly: idle pg pools would otherwise keep the process alive for their idle timeout.
main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
