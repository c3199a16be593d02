import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapMedianCi90, changeWord, durationStats, percentileCont } from './stats';

const s = (x: number) => x * 1000;

describe('duration statistics (METRICS.md section 2)', () => {
  it('gives the worked example: 100 s, 300 s, 800 s, 90 s', () => {
    const stats = durationStats([s(100), s(300), s(800), s(90)]);
    expect(stats).toMatchObject({ n: 4, mean: 322.5, median: 200, p90: 650, min: 90, max: 800, lowSample: true });
    expect(stats.ci90).not.toBeNull();
  });

  it('gives n = 0 and nulls, never 0, for an empty sample', () => {
    expect(durationStats([])).toEqual({ n: 0, mean: null, median: null, p90: null, min: null, max: null, ci90: null, lowSample: true });
  });

  it('keeps milliseconds', () => {
    expect(durationStats([1234, 5678]).median).toBe(3.456);
  });

  it('has no interval for a single incident and flags samples under 10 as low', () => {
    expect(durationStats([s(60)])).toMatchObject({ n: 1, median: 60, ci90: null, lowSample: true });
    expect(durationStats(Array.from({ length: 10 }, (_, i) => s(i + 1))).lowSample).toBe(false);
  });

  it('interpolates percentile_cont at position (n - 1) * p', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const sorted = [...values].sort((a, b) => a - b);
        const pos = (sorted.length - 1) * p;
        const lo = sorted[Math.floor(pos)]!;
        const hi = sorted[Math.ceil(pos)]!;
        const got = percentileCont(sorted, p)!;
        expect(got).toBeGreaterThanOrEqual(Math.min(lo, hi));
        expect(got).toBeLessThanOrEqual(Math.max(lo, hi));
        if (Number.isInteger(pos)) expect(got).toBe(sorted[pos]);
      }),
    );
  });
});

describe('bootstrap ci90 of the median', () => {
  const data = [310, 45, 1200, 95, 60, 700, 88, 150, 3600, 240, 130, 75].map(s);

  it('is the same for the same data, whatever its order', () => {
    const a = bootstrapMedianCi90([...data].sort((x, y) => x - y));
    const b = durationStats([...data].reverse()).ci90;
    expect(a).not.toBeNull();
    expect(b).toEqual([a![0] / 1000, a![1] / 1000]);
    expect(durationStats(data).median).toBe(140);
  });

  it('lies within the data and around the median', () => {
    const stats = durationStats(data);
    const [lo, hi] = stats.ci90!;
    expect(lo).toBeGreaterThanOrEqual(stats.min!);
    expect(hi).toBeLessThanOrEqual(stats.max!);
    expect(lo).toBeLessThanOrEqual(stats.median!);
    expect(hi).toBeGreaterThanOrEqual(stats.median!);
    expect(hi).toBeGreaterThan(lo);
  });

  it('gives each sample its own interval, cached or not', () => {
    const sample = [1000, 2000, 3000, 4000, 5000, 6000, 70_000];
    const a = bootstrapMedianCi90(sample)!;
    // The same draws on doubled data give a doubled interval: no cached interval leaks across samples.
    const doubled = bootstrapMedianCi90(sample.map((v) => v * 2))!;
    expect(doubled).toEqual([a[0] * 2, a[1] * 2]);
    expect(bootstrapMedianCi90(sample)).toEqual(a);
    expect(a[1]).toBeGreaterThan(a[0]);
  });

  it('collapses to the value when every duration is equal', () => {
    expect(durationStats([s(5), s(5), s(5)]).ci90).toEqual([5, 5]);
  });
});

describe('change words', () => {
  const fast = durationStats([10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map(s));
  const slow = durationStats([100, 110, 120, 130, 140, 150, 160, 170, 180, 190].map(s));
  const mixed = durationStats([12, 150, 14, 160, 16, 170, 18, 180, 100, 19].map(s));

  it('says better or worse only when the intervals do not overlap', () => {
    expect(changeWord(fast, slow)).toBe('better');
    expect(changeWord(slow, fast)).toBe('worse');
    expect(changeWord(mixed, slow)).toBe('no detectable change');
  });

  it('says there is not enough data without an interval', () => {
    expect(changeWord(durationStats([s(1)]), slow)).toBe('not enough data');
  });
});
