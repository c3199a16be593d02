import { describe, expect, it } from 'vitest';
import { bucketPeriods, bucketStart, periodIndex } from './buckets';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

describe('buckets in a time zone (METRICS.md section 4)', () => {
  it('starts weeks on Monday at local midnight', () => {
    const periods = bucketPeriods(at('2026-03-02T00:00:00+01:00'), at('2026-03-16T00:00:00+01:00'), 'week', 'Europe/Berlin');
    expect(periods.map((p) => [iso(p.start), iso(p.end)])).toEqual([
      ['2026-03-01T23:00:00.000Z', '2026-03-08T23:00:00.000Z'],
      ['2026-03-08T23:00:00.000Z', '2026-03-15T23:00:00.000Z'],
    ]);
  });

  it('gives a month that crosses a daylight-saving change its true length', () => {
    const [march] = bucketPeriods(at('2026-03-01T00:00:00+01:00'), at('2026-04-01T00:00:00+02:00'), 'month', 'Europe/Berlin');
    expect((march!.end - march!.start) / 3_600_000).toBe(31 * 24 - 1);
    const [november] = bucketPeriods(at('2026-11-01T00:00:00-07:00'), at('2026-12-01T00:00:00-08:00'), 'month', 'America/Los_Angeles');
    expect((november!.end - november!.start) / 3_600_000).toBe(30 * 24 + 1);
  });

  it('gives Berlin weeks across the March and October changes their 167 and 169 hours', () => {
    const march = bucketPeriods(at('2026-03-23T00:00:00+01:00'), at('2026-04-06T00:00:00+02:00'), 'week', 'Europe/Berlin');
    expect(march.map((p) => (p.end - p.start) / 3_600_000)).toEqual([167, 168]);
    const october = bucketPeriods(at('2026-10-19T00:00:00+02:00'), at('2026-11-02T00:00:00+01:00'), 'week', 'Europe/Berlin');
    expect(october.map((p) => (p.end - p.start) / 3_600_000)).toEqual([169, 168]);
    const [octoberMonth] = bucketPeriods(at('2026-10-01T00:00:00+02:00'), at('2026-11-01T00:00:00+01:00'), 'month', 'Europe/Berlin');
    expect((octoberMonth!.end - octoberMonth!.start) / 3_600_000).toBe(31 * 24 + 1);
  });

  it('lists empty buckets and clips the first and last to the range', () => {
    const periods = bucketPeriods(at('2026-01-15T12:00:00Z'), at('2026-04-10T00:00:00Z'), 'month', 'UTC');
    expect(periods.map((p) => iso(p.start))).toEqual(['2026-01-15T12:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(iso(periods[3]!.end)).toBe('2026-04-10T00:00:00.000Z');
  });

  it('follows PostgreSQL where local midnight is skipped (São Paulo, 4 November 2018)', () => {
    // Clocks jumped from 00:00 to 01:00; PostgreSQL takes the offset in force before (-03:00).
    expect(iso(bucketStart(at('2018-11-05T12:00:00Z'), 'week', 'America/Sao_Paulo'))).toBe('2018-11-05T02:00:00.000Z');
    expect(iso(bucketStart(at('2018-11-10T12:00:00Z'), 'month', 'America/Sao_Paulo'))).toBe('2018-11-01T03:00:00.000Z');
  });

  it('finds the bucket of an instant, with -1 outside', () => {
    const periods = bucketPeriods(at('2026-01-01T00:00:00Z'), at('2026-03-01T00:00:00Z'), 'month', 'UTC');
    expect(periodIndex(periods, at('2026-02-28T23:59:59.999Z'))).toBe(1);
    expect(periodIndex(periods, at('2026-03-01T00:00:00Z'))).toBe(-1);
    expect(periodIndex(periods, at('2026-01-01T00:00:00Z'))).toBe(0);
  });
});
