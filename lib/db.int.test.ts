import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from './db';
import { isDatabaseUnavailable } from './errors';

// A pool of one connection, held by a slow transaction: the next transaction cannot get a
// connection, and must fail as "unavailable" (503) before the holder lets go, not as a 500 or a
// hang. (Prisma's own transaction wait, 2 s, used to run out first with a P2028 that read as a 500.)
describe('a transaction when the pool is exhausted', () => {
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolMax: 1, connectTimeoutMs: 2_500 });
  afterAll(() => client.$disconnect());

  it('fails as unavailable within the pool timeout, and the pool serves again afterwards', async () => {
    const holding = client.$transaction(async (tx) => tx.$executeRawUnsafe('SELECT pg_sleep(3.5)'), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const error = await client.$transaction(async (tx) => tx.$queryRawUnsafe('SELECT 1')).then(() => null, (e: unknown) => e);
    expect(error, 'the second transaction got a connection').not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
    // Failed before the holder let go: it did not just wait its turn.
    expect(Date.now() - started).toBeLessThan(3_200);
    await holding;
    expect(await client.$transaction(async (tx) => tx.$queryRawUnsafe<{ ok: number }[]>('SELECT 1 AS ok'))).toEqual([{ ok: 1 }]);
  });
});
