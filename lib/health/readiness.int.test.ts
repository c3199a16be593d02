import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { MIGRATION_NAMES } from '@/lib/generated/migrations';
import { checkReadiness } from './readiness';

describe('checkReadiness', () => {
  it('is ready on a fully migrated database', async () => {
    expect(await checkReadiness()).toEqual({ ready: true });
  });

  it('names the pending migration when the database is behind this build', async () => {
    const last = MIGRATION_NAMES.at(-1)!;
    await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${last}`;
    expect(await checkReadiness()).toEqual({ ready: false, reason: `pending migrations: ${last} (run npm run db:migrate)` });
  });

  it('says so when no migration was ever applied', async () => {
    await db.$executeRaw`DROP TABLE _prisma_migrations`;
    expect(await checkReadiness()).toEqual({ ready: false, reason: 'database has no migrations applied (run npm run db:migrate)' });
  });
});
