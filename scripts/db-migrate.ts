/**
 * npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database
 * in .hindsight/ when DATABASE_URL is unset. Offline: uses Prisma's WebAssembly schema engine.
 */
import { runCli, withDatabaseUrl } from './lib/cli';
import { applyMigrations } from './lib/migrations';
import { ROOT } from './lib/paths';

runCli(() =>
  withDatabaseUrl('npm run db:migrate', async (url) => {
    const applied = await applyMigrations(url, ROOT);
    console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'Database is up to date.');
  }),
);
