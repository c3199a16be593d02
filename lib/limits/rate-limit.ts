import 'server-only';
import { db } from '@/lib/db';

export interface Limit {
  /** Failures allowed in the window; the one that reaches it starts the block. */
  max: number;
  windowSeconds: number;
  blockSeconds: number;
}

/** 10 failed sign-ins for one account from one address in 15 minutes block that pair for 15 minutes. */
export const SIGN_IN_LIMIT: Limit = { max: 10, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };
/** The same style for API calls whose bearer token fails, per address. */
export const TOKEN_AUTH_LIMIT: Limit = { max: 10, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };

/**
 * Counters live in PostgreSQL (table RateLimit), so every app instance sees the same ones.
 * Returns the seconds left of an active block, or 0.
 */
export async function blockedFor(key: string): Promise<number> {
  const rows = await db.$queryRaw<{ left: number }[]>`
    SELECT round(extract(epoch FROM ("blockedUntil" - now())))::int AS left
    FROM "RateLimit" WHERE key = ${key} AND "blockedUntil" > now()`;
  return rows[0]?.left ?? 0;
}

/** Counts one failure atomically (one statement, safe under concurrency); returns the block left, if any. */
export async function recordFailure(key: string, limit: Limit): Promise<number> {
  const window = `${limit.windowSeconds} seconds`;
  const block = `${limit.blockSeconds} seconds`;
  const rows = await db.$queryRaw<{ left: number | null }[]>`
    INSERT INTO "RateLimit" (key, count, "windowStartedAt", "blockedUntil")
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${limit.max} THEN now() + ${block}::interval END)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStartedAt" <= now() - ${window}::interval THEN 1 ELSE "RateLimit".count + 1 END,
      "windowStartedAt" = CASE WHEN "RateLimit"."windowStartedAt" <= now() - ${window}::interval THEN now() ELSE "RateLimit"."windowStartedAt" END,
      "blockedUntil" = CASE
        WHEN (CASE WHEN "RateLimit"."windowStartedAt" <= now() - ${window}::interval THEN 1 ELSE "RateLimit".count + 1 END) >= ${limit.max}
          THEN greatest(coalesce("RateLimit"."blockedUntil", now()), now() + ${block}::interval)
        ELSE "RateLimit"."blockedUntil" END
    RETURNING CASE WHEN "blockedUntil" > now() THEN round(extract(epoch FROM ("blockedUntil" - now())))::int END AS left`;
  return rows[0]?.left ?? 0;
}

export async function clearFailures(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key, OR: [{ blockedUntil: null }, { blockedUntil: { lte: new Date() } }] } });
}

export function minutesText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
