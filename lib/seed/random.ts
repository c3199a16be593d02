/** A tiny seeded PRNG and the draws the demo generator needs. Pure and deterministic. */

export type Rng = () => number;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** mulberry32: 32-bit state, uniform floats in [0, 1). Same seed, same sequence. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max]. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/**
 * Log-normal duration in milliseconds (incident durations are close to log-normal), with the
 * given median and log-space spread. Always > 0; two draws per call (Box-Muller).
 */
export function logNormalMs(rng: Rng, medianMs: number, sigma: number): number {
  const u1 = 1 - rng(); // (0, 1]: log(0) would be -Infinity
  const u2 = rng();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return medianMs * Math.exp(sigma * z);
}

/** A uniform instant in [from, to] as a whole-millisecond Date. */
export function between(rng: Rng, from: Date, to: Date): Date {
  const lo = from.getTime();
  const hi = Math.max(lo, to.getTime());
  return new Date(Math.round(lo + rng() * (hi - lo)));
}

/** UTC midnight of the instant's UTC day (the shape of a Postgres `date`). */
export function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** "1 h 12 min", "14 min 3 s": for prose in generated sections. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return `${m} min ${s % 60} s`;
  return `${s} s`;
}
