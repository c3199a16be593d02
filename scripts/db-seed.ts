/** npm run db:seed — adds the demo team to DATABASE_URL (or the embedded database) unless it exists. */
import { createPrismaClient } from '../lib/db';
import { hashPassword } from '../lib/auth/password';
import { DEMO_USER, seedDemoTeam } from '../lib/seed/demo';
import { checkDatabase } from './lib/database-url';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
import { dataDir, fail } from './lib/paths';

async function main() {
  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  try {
    if (!url) {
      embedded = await startEmbeddedPostgres({ dataDir: dataDir(), owner: 'npm run db:seed' });
      url = embedded.url;
    }
    await checkDatabase(url);
    const db = createPrismaClient(url, { poolMax: 2 });
    const result = await seedDemoTeam(db, { passwordHash: await hashPassword(DEMO_USER.password) });
    await db.$disconnect();
    console.log(result.created ? `Seeded the demo team. Sign in as ${DEMO_USER.email} / ${DEMO_USER.password}` : 'The demo team already exists: nothing changed.');
  } finally {
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? error.message.split('\n')[0]! : String(error)),
);
