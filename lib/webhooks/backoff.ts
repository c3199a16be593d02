/**
 * The retry schedule of outbound webhooks: after failed attempt n the next one waits
 * 30 s × 4^(n-1) (30 s, 2 min, 8 min, 32 min, ~2 h, then capped at 6 h), ±20 % jitter so
 * deliveries that failed together (a receiver outage) do not all come back in the same second.
 * After MAX_ATTEMPTS attempts the delivery is given up (status failed).
 */
export const MAX_ATTEMPTS = 8;
const BASE_MS = 30_000;
const FACTOR = 4;
const CAP_MS = 6 * 60 * 60 * 1000;
const JITTER = 0.2;

/** The delay before the attempt after `attemptsMade` failed ones; `random` in [0, 1) picks the jitter. */
export function retryDelayMs(attemptsMade: number, random: number = Math.random()): number {
  const n = Math.max(1, Math.floor(attemptsMade));
  const base = Math.min(CAP_MS, BASE_MS * FACTOR ** (n - 1));
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(base * (1 - JITTER + 2 * JITTER * r));
}

/** When to try again after `attemptsMade` failed attempts, or null when it is time to give up. */
export function nextAttemptAt(attemptsMade: number, now: Date, random: number = Math.random()): Date | null {
  if (attemptsMade >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + retryDelayMs(attemptsMade, random));
}
