import { describe, expect, it } from 'vitest';
import { formatOffset, formatOffsetExact, placeQuickTime } from './time';

const at = (r: ReturnType<typeof placeQuickTime>) => ('at' in r ? r.at.toISOString() : r.error);

describe('formatOffset', () => {
  it('formats offsets from the start', () => {
    // Hours and minutes from the start, as incident timelines are usually written ("+00:14").
    expect(formatOffset(14 * 60_000)).toBe('+00:14');
    expect(formatOffset(14 * 60_000 + 59_000)).toBe('+00:14');
    expect(formatOffset((62 * 60 + 33) * 1000)).toBe('+01:02');
    expect(formatOffset(-5 * 60_000)).toBe('-00:05');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffsetExact((62 * 60 + 33) * 1000)).toBe('+1:02:33');
    expect(formatOffsetExact(-5_000)).toBe('-0:00:05');
  });
});

describe('placeQuickTime', () => {
  const start = new Date('2026-03-01T22:30:00Z'); // 23:30 in Berlin
  it('uses the local date of the anchor and rolls over after midnight', () => {
    expect(at(placeQuickTime('23:45', start, 'Europe/Berlin'))).toBe('2026-03-01T22:45:00.000Z');
    expect(at(placeQuickTime('00:10', start, 'Europe/Berlin'))).toBe('2026-03-01T23:10:00.000Z');
    expect(at(placeQuickTime('23:25:30', start, 'Europe/Berlin'))).toBe('2026-03-01T22:25:30.000Z');
  });
  it('rejects malformed and skipped times', () => {
    expect(at(placeQuickTime('25:00', start, 'UTC'))).toMatch(/not a time/);
    expect(at(placeQuickTime('noon', start, 'UTC'))).toMatch(/HH:MM/);
    expect(at(placeQuickTime('02:30', new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin'))).toMatch(/skip/);
  });
});
