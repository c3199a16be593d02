import { describe, expect, it } from 'vitest';
import { bucketLabel, durationTicks, formatAvailability, formatSeconds } from './format';

describe('metric formatting', () => {
  it('shows durations briefly, by magnitude', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(4.25)).toBe('4.3 s');
    expect(formatSeconds(42)).toBe('42 s');
    expect(formatSeconds(725)).toBe('12m 05s');
    expect(formatSeconds(3723.5)).toBe('1h 02m');
    expect(formatSeconds(2 * 86_400 + 4 * 3600)).toBe('2d 04h');
  });

  it('tells 99.9 % from 99.99 %', () => {
    expect(formatAvailability(0.999)).toBe('99.900 %');
    expect(formatAvailability(0.9999)).toBe('99.990 %');
    expect(formatAvailability(1)).toBe('100 %');
    expect(formatAvailability(0.9)).toBe('90.00 %');
  });

  it('gives duration ticks that reach past the largest value', () => {
    for (const max of [1, 59, 61, 3599, 7201, 90_000, 1_000_000]) {
      const ticks = durationTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });

  it('labels buckets in the team zone', () => {
    // Monday 00:00 in Berlin is Sunday 23:00 UTC.
    expect(bucketLabel(Date.parse('2026-03-01T23:00:00Z'), 'Europe/Berlin', 'week')).toBe('2 Mar');
    expect(bucketLabel(Date.parse('2026-02-28T23:00:00Z'), 'Europe/Berlin', 'month')).toBe('Mar 26');
  });
});
