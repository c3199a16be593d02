import { uniformInt } from 'pure-rand/distribution/uniformInt';
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
 * counts instead of a sort: O(n) per resample.
 */
export function bootstrapMedianCi90(sorted: readonly number[]): [number, number] | null {
  const n = sorted.length;
  if (n < 2) return null;
  const rng = xoroshiro128plus(BOOTSTRAP_SEED);
  const counts = new Uint32Array(n);
  const medians = new Float64Array(BOOTSTRAP_RESAMPLES);
  const loRank = Math.floor((n - 1) / 2);
  const hiRank = Math.ceil((n - 1) / 2);
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[uniformInt(rng, 0, n - 1)]!++;
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
