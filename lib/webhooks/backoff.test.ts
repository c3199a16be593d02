import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt, retryDelayMs } from './backoff';

const MIN = 60_000;

describe('webhook retry backoff', () => {
  it('grows by a factor of four from 30 seconds (no jitter at the midpoint)', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 0.5))).toEqual([30_000, 2 * MIN, 8 * MIN, 32 * MIN, 128 * MIN]);
  });

  it('caps the delay at six hours', () => {
    expect(retryDelayMs(6, 0.5)).toBe(360 * MIN);
    expect(retryDelayMs(7, 0.5)).toBe(360 * MIN);
  });

  it('jitters within ±20 %', () => {
    expect(retryDelayMs(1, 0)).toBe(24_000);
    expect(retryDelayMs(1, 0.999_999)).toBe(36_000);
    for (let i = 0; i < 100; i++) {
      const d = retryDelayMs(3);
      expect(d).toBeGreaterThanOrEqual(0.8 * 8 * MIN);
      expect(d).toBeLessThanOrEqual(1.2 * 8 * MIN);
    }
  });

  it('schedules from `now` and gives up after the last attempt', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(nextAttemptAt(1, now, 0.5)?.toISOString()).toBe('2026-03-01T12:00:30.000Z');
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, now, 0.5)).not.toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS, now, 0.5)).toBeNull();
  });
});
