import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Duration statistics of METRICS.md section 2. Input: durations in exact milliseconds.
 * Output: seconds as plain numbers (milliseconds kept as the fraction), nulls for an empty sample.
 */
export interface Stats {
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
  ci90: [number, number] | null;
  lowSample: boolean;
}

export const LOW_SAMPLE = 10;
export const BOOTSTRAP_RESAMPLES = 2000;
/** Fixed, so the same data always gives the same interval (whatever order it arrives in). */
export const BOOTSTRAP_SEED = 20_240_501;

/**
 * PostgreSQL's `percentile_cont(p)` on ascending values: position (n - 1) * p, linear interpolation
 * between the values either side, computed as PostgreSQL's float8 lerp does (lo + (hi - lo) * t)
 * so both give the same double.
 */
export function percentileCont(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  if (lo === hi) return a;
  return a + (sorted[hi]! - a) * (pos - lo);
}

const ascending = (a: number, b: number) => a - b;

/**
 * 90 % percentile-bootstrap interval of the median (ms): BOOTSTRAP_RESAMPLES resamples of n with
 * replacement drawn by xoroshiro128+ (pure-rand) from BOOTSTRAP_SEED; the interval is
 * percentile_cont(0.05) and (0.95) of the resampled medians. Null when n < 2.
 *
 * A resample is kept as counts per sorted index, so its median is found by one pass over the
 * counts instead of a sort: O(n) per resample. An index is drawn from one 32-bit output as
 * floor(u32 * n / 2^32) (exact in doubles for any n below 2^21; the bias is below n / 2^32).
 */
export function bootstrapMedianCi90(sorted: readonly number[]): [number, number] | null {
  const n = sorted.length;
  if (n < 2) return null;
  const key = sampleKey(sorted);
  const known = ciCache.get(key);
  if (known) {
    // Refresh its place: the cache drops the least recently used sample first.
    ciCache.delete(key);
    ciCache.set(key, known);
    return [known[0], known[1]];
  }
  const ci = resampleMedianCi90(sorted);
  ciCache.set(key, ci);
  if (ciCache.size > CI_CACHE_SIZE) ciCache.delete(ciCache.keys().next().value!);
  return [ci[0], ci[1]];
}

/**
 * The bootstrap is deterministic in the sorted sample, and costs 2,000 x n draws: a small LRU
 * keyed by the sample's exact content (length plus a 64-bit FNV-1a hash of its doubles, checked
 * against collisions by keeping the first and last values in the key) spares repeated views.
 */
const CI_CACHE_SIZE = 2000;
const ciCache = new Map<string, readonly [number, number]>();
const hashView = new DataView(new ArrayBuffer(8));

function sampleKey(sorted: readonly number[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const v of sorted) {
    hashView.setFloat64(0, v);
    for (let b = 0; b < 8; b++) {
      const byte = hashView.getUint8(b);
      h1 = Math.imul(h1 ^ byte, 0x01000193);
      h2 = Math.imul(h2 ^ byte, 0x5bd1e995);
    }
  }
  return `${sorted.length}:${h1 >>> 0}:${h2 >>> 0}:${sorted[0]}:${sorted[sorted.length - 1]}`;
}

function resampleMedianCi90(sorted: readonly number[]): [number, number] {
  const n = sorted.length;
  const rng = xoroshiro128plus(BOOTSTRAP_SEED);
  const counts = new Uint32Array(n);
  const medians = new Float64Array(BOOTSTRAP_RESAMPLES);
  const loRank = Math.floor((n - 1) / 2);
  const hiRank = Math.ceil((n - 1) / 2);
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(((rng.next() >>> 0) * n) / 4_294_967_296)]!++;
    let seen = 0;
    let lo = Number.NaN;
    let hi = Number.NaN;
    for (let i = 0; i < n; i++) {
      const c = counts[i]!;
      if (c === 0) continue;
      const next = seen + c;
      if (Number.isNaN(lo) && loRank < next) lo = sorted[i]!;
      if (hiRank < next) {
        hi = sorted[i]!;
        break;
      }
      seen = next;
    }
    medians[r] = lo + (hi - lo) * 0.5;
  }
  medians.sort();
  const all = Array.from(medians);
  return [percentileCont(all, 0.05)!, percentileCont(all, 0.95)!];
}

/**
 * Milliseconds to seconds, rounded to the microsecond: durations are whole milliseconds, so this
 * keeps every real digit (a median of 1 ms and 2 ms is 0.0015 s) and drops only floating-point
 * noise such as 650.0000000000001 (so PostgreSQL and JavaScript give the same number).
 */
export function toSeconds(ms: number): number {
  return Math.round(ms * 1000) / 1e6;
}

const seconds = (ms: number | null) => (ms === null ? null : toSeconds(ms));

/** Aggregates computed elsewhere (PostgreSQL) plus the sorted sample, turned into Stats. */
export interface StatsParts {
  n: number;
  sumMs: number;
  minMs: number | null;
  maxMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
  sorted: readonly number[];
}

export function statsFromParts(parts: StatsParts): Stats {
  const { n } = parts;
  if (n === 0) return { n: 0, mean: null, median: null, p90: null, min: null, max: null, ci90: null, lowSample: true };
  const ci = bootstrapMedianCi90(parts.sorted);
  return {
    n,
    mean: toSeconds(parts.sumMs / n),
    median: seconds(parts.medianMs),
    p90: seconds(parts.p90Ms),
    min: seconds(parts.minMs),
    max: seconds(parts.maxMs),
    ci90: ci ? [toSeconds(ci[0]), toSeconds(ci[1])] : null,
    lowSample: n < LOW_SAMPLE,
  };
}

/** Stats of a sample of durations in ms (any order). */
export function durationStats(valuesMs: readonly number[]): Stats {
  const sorted = [...valuesMs].sort(ascending);
  let sum = 0;
  for (const v of sorted) sum += v;
  return statsFromParts({
    n: sorted.length,
    sumMs: sum,
    minMs: sorted[0] ?? null,
    maxMs: sorted[sorted.length - 1] ?? null,
    medianMs: percentileCont(sorted, 0.5),
    p90Ms: percentileCont(sorted, 0.9),
    sorted,
  });
}

/**
 * The honest change word between two periods' medians (METRICS.md "trend honesty"): better or
 * worse only when the ci90 intervals do not overlap; lower durations are better.
 */
export type ChangeWord = 'better' | 'worse' | 'no detectable change' | 'not enough data';

export function changeWord(current: Stats, previous: Stats, lowerIsBetter = true): ChangeWord {
  if (!current.ci90 || !previous.ci90) return 'not enough data';
  const [cLo, cHi] = current.ci90;
  const [pLo, pHi] = previous.ci90;
  if (cHi < pLo) return lowerIsBetter ? 'better' : 'worse';
  if (cLo > pHi) return lowerIsBetter ? 'worse' : 'better';
  return 'no detectable change';
}
