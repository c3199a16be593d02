import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env, requireDatabaseUrl } from '@/lib/env';
import { markIfDatabaseUnavailable } from '@/lib/errors';

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface DbOptions {
  poolMax?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}

/**
 * The one way to build a Prisma client (driver adapter over node-postgres). The app uses the
 * `db` singleton below; scripts and tests call this with their own URL.
 */
export function createPrismaClient(url: string, options: DbOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.poolMax ?? 10,
    // Fail fast instead of hanging when the database is down or the pool is exhausted:
    // callers turn this into a 503.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 4000,
    statement_timeout: options.statementTimeoutMs || undefined,
    idleTimeoutMillis: 30_000,
  });
  // An interactive transaction waits for a pooled connection at most as long as a query does
  // (Prisma's own default, 2 s, is shorter than the pool's connect timeout, and a slow machine hit it).
  const transactionOptions = { maxWait: (options.connectTimeoutMs ?? 4000) + 1000 };
  return withUnavailableMark(new PrismaClient({ adapter, transactionOptions }));
}

/**
 * Every failed query (and transaction) whose cause is an unreachable or overloaded database leaves
 * with the UNAVAILABLE digest (lib/errors.ts): Next.js passes a digest, and only that, to the error
 * page in production, which then says "temporarily unavailable" instead of "unexpected error".
 */
function withUnavailableMark(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw markIfDatabaseUnavailable(error);
        }
      },
    },
  });
  // Only a query hook: the model and raw APIs are unchanged, so the client keeps its plain type.
  const marked = extended as unknown as PrismaClient;
  const transaction = marked.$transaction.bind(marked) as (...args: unknown[]) => Promise<unknown>;
  // Starting a transaction (BEGIN, or waiting for a connection) fails outside any query.
  const $transaction = (...args: unknown[]) => transaction(...args).catch((error: unknown) => Promise.reject(markIfDatabaseUnavailable(error)));
  return new Proxy(marked, { get: (target, prop) => (prop === '$transaction' ? $transaction : Reflect.get(target, prop)) });
}

const globalForDb = globalThis as unknown as { hindsightDb?: PrismaClient };

function appClient(): PrismaClient {
  if (!globalForDb.hindsightDb) {
    const e = env();
    globalForDb.hindsightDb = createPrismaClient(requireDatabaseUrl(), {
      poolMax: e.DB_POOL_MAX,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    });
  }
  return globalForDb.hindsightDb;
}

/** The app's Prisma client, created on first use (so `next build` never needs a database). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = appClient();
    const value = Reflect.get(client, prop, client) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
