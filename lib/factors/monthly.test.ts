import { describe, expect, it } from 'vitest';
import { monthlyCounts, windowStart } from './monthly';

describe('monthlyCounts', () => {
  const now = new Date('2026-11-27T10:00:00Z');

  it('gives twelve months oldest first ending with the current month', () => {
    const months = monthlyCounts([], now, 'UTC');
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2025-12', label: 'Dec 2025', count: 0 });
    expect(months[11]?.month).toBe('2026-11');
  });

  it('buckets in the team zone, not in UTC', () => {
    const lateOnTheLastDay = new Date('2026-10-31T23:30:00Z');
    expect(monthlyCounts([lateOnTheLastDay], now, 'UTC').find((m) => m.month === '2026-10')?.count).toBe(1);
    const berlin = monthlyCounts([lateOnTheLastDay], now, 'Europe/Berlin');
    expect(berlin.find((m) => m.month === '2026-11')?.count).toBe(1);
    expect(berlin.find((m) => m.month === '2026-10')?.count).toBe(0);
  });

  it('drops dates outside the window and counts repeats', () => {
    const dates = [new Date('2024-01-01T00:00:00Z'), new Date('2026-03-05T00:00:00Z'), new Date('2026-03-20T00:00:00Z')];
    const months = monthlyCounts(dates, now, 'UTC');
    expect(months.reduce((s, m) => s + m.count, 0)).toBe(2);
    expect(months.find((m) => m.month === '2026-03')?.count).toBe(2);
    expect(windowStart(now, 'UTC').toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(windowStart(now, 'Europe/Berlin').toISOString()).toBe('2025-11-30T23:00:00.000Z');
  });
});
