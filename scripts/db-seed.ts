/** npm run db:seed — adds the demo teams to DATABASE_URL (or the embedded database) unless they exist. */
import { hashPassword } from '../lib/auth/password';
import { DEMO_USER, seedDemoTeam } from '../lib/seed/demo';
import { runCli, withDatabase } from './lib/cli';

runCli(() =>
  withDatabase('npm run db:seed', async (db) => {
    const result = await seedDemoTeam(db, { passwordHash: await hashPassword(DEMO_USER.password) });
    console.log(result.created ? `Seeded the demo teams. Sign in as ${DEMO_USER.email} / ${DEMO_USER.password}` : 'The demo team already exists: nothing changed.');
  }),
);
