import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityFor, mergeEpisodes } from './episodes';

const H = 3_600_000;

describe('episodes (METRICS.md section 3)', () => {
  it('merges overlapping and touching intervals, keeps a 1 ms gap apart', () => {
    expect(mergeEpisodes([{ start: 0, end: 10 }, { start: 10, end: 20 }])).toEqual([{ start: 0, end: 20 }]);
    expect(mergeEpisodes([{ start: 5, end: 30 }, { start: 0, end: 10 }])).toEqual([{ start: 0, end: 30 }]);
    expect(mergeEpisodes([{ start: 0, end: 10 }, { start: 11, end: 20 }])).toHaveLength(2);
    // 11:00:00 to 11:00:00 touches; 11:00:00 to 11:00:01 is a one-second gap.
    const eleven = Date.parse('2026-03-01T11:00:00Z');
    expect(mergeEpisodes([{ start: eleven - 3_600_000, end: eleven }, { start: eleven, end: eleven + 60_000 }])).toHaveLength(1);
    expect(mergeEpisodes([{ start: eleven - 3_600_000, end: eleven }, { start: eleven + 1000, end: eleven + 60_000 }])).toHaveLength(2);
  });

  it('gives the Atlassian example: 24 h, two incidents, 2 h of downtime', () => {
    const episodes = mergeEpisodes([{ start: 2 * H, end: 3 * H }, { start: 12 * H, end: 13 * H }]);
    expect(availabilityFor(episodes, 0, 24 * H)).toEqual({
      downtimeSeconds: 7200,
      episodes: 2,
      mtbfSeconds: 11 * 3600,
      availability: 22 / 24,
      meanStartIntervalSeconds: 10 * 3600,
    });
  });

  it('counts downtime inside the period only, and episodes where they start', () => {
    const episodes = mergeEpisodes([{ start: -H, end: H }, { start: 23 * H, end: 26 * H }]);
    const a = availabilityFor(episodes, 0, 24 * H);
    expect(a.downtimeSeconds).toBe(2 * 3600);
    expect(a.episodes).toBe(1);
    expect(a.meanStartIntervalSeconds).toBeNull();
  });

  it('has no MTBF without an episode and full availability without downtime', () => {
    expect(availabilityFor([], 0, H)).toEqual({ downtimeSeconds: 0, episodes: 0, mtbfSeconds: null, availability: 1, meanStartIntervalSeconds: null });
  });

  it('produces disjoint, non-touching episodes covering exactly the union', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100 })).map(([s, len]) => ({ start: s, end: s + len }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), (intervals) => {
        const episodes = mergeEpisodes(intervals);
        for (let k = 1; k < episodes.length; k++) if (!(episodes[k]!.start > episodes[k - 1]!.end)) return false;
        const probes = intervals.flatMap((iv) => [iv.start - 0.5, iv.start, iv.end, iv.end + 0.5]);
        return probes.every((t) => intervals.some((iv) => t >= iv.start && t <= iv.end) === episodes.some((e) => t >= e.start && t <= e.end));
      }),
      { numRuns: 150 },
    );
  });
});
