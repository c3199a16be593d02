import { describe, expect, it } from 'vitest';
import { computeMetrics, type MetricIncident } from './compute';

const at = (s: string) => Date.parse(s);
const M = 60_000;

function incident(started: string, minutes: { ttd?: number; tta?: number; ttm?: number; ttr?: number | null }): MetricIncident {
  const s = at(started);
  const detected = minutes.ttd === undefined ? null : s + minutes.ttd * M;
  return {
    startedAt: s,
    detectedAt: detected,
    acknowledgedAt: detected !== null && minutes.tta !== undefined ? detected + minutes.tta * M : null,
    mitigatedAt: minutes.ttm === undefined ? null : s + minutes.ttm * M,
    resolvedAt: minutes.ttr == null ? null : s + minutes.ttr * M,
  };
}

describe('computeMetrics', () => {
  const range = { from: at('2026-06-01T00:00:00Z'), to: at('2026-07-01T00:00:00Z'), bucket: 'week' as const, zone: 'UTC', now: at('2026-06-20T00:00:00Z') };

  it('puts duration statistics in the bucket of resolvedAt and started counts in the bucket of startedAt', () => {
    // Starts Sunday 7 June 23:00, resolved Monday 8 June 01:00: started in week 1, resolved in week 2.
    const result = computeMetrics([incident('2026-06-07T23:00:00Z', { ttd: 5, tta: 2, ttm: 30, ttr: 120 })], range);
    expect(result.periods.map((p) => new Date(p.start).toISOString().slice(0, 10))).toEqual(['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29']);
    expect(result.periods.map((p) => p.incidents.started)).toEqual([1, 0, 0, 0, 0]);
    expect(result.periods.map((p) => p.ttr.n)).toEqual([0, 1, 0, 0, 0]);
    expect(result.periods[1]).toMatchObject({ ttd: { median: 300 }, tta: { median: 120 }, ttm: { median: 1800 }, ttr: { median: 7200 } });
    expect(result.periods[0]!.ttr).toMatchObject({ n: 0, median: null, mean: null, ci90: null });
    // Downtime splits at the boundary; the episode counts where it starts.
    expect(result.periods[0]).toMatchObject({ downtimeSeconds: 3600, episodes: 1 });
    expect(result.periods[1]).toMatchObject({ downtimeSeconds: 3600, episodes: 0, mtbfSeconds: null });
  });

  it('computes the whole range from the raw incidents, not from bucket figures', () => {
    const incidents = [incident('2026-06-02T10:00:00Z', { ttr: 10 }), incident('2026-06-03T10:00:00Z', { ttr: 20 }), incident('2026-06-16T10:00:00Z', { ttr: 90 })];
    const { overall } = computeMetrics(incidents, range);
    expect(overall.ttr).toMatchObject({ n: 3, median: 1200, mean: 2400, min: 600, max: 5400 });
    expect(overall.incidents).toEqual({ started: 3, resolved: 3, open: 0 });
  });

  it('runs an open incident until now (or the end of the range) and counts it open', () => {
    const open = incident('2026-06-19T00:00:00Z', { ttd: 1 });
    const { overall, periods } = computeMetrics([open], range);
    expect(overall.downtimeSeconds).toBe(86_400);
    expect(overall.incidents).toEqual({ started: 1, resolved: 0, open: 1 });
    expect(overall.ttd.n).toBe(0); // durations count only for incidents resolved in the period
    expect(periods[2]!.incidents.open).toBe(1);
    expect(periods[1]!.incidents.open).toBe(0);
    const earlier = computeMetrics([open], { ...range, to: at('2026-06-19T12:00:00Z'), bucket: 'none' });
    expect(earlier.overall.downtimeSeconds).toBe(12 * 3600);
    expect(earlier.periods).toEqual([]);
  });

  it('includes the downtime of an incident that began before the range', () => {
    const { overall } = computeMetrics([incident('2026-05-31T23:00:00Z', { ttr: 120 })], range);
    expect(overall).toMatchObject({ downtimeSeconds: 3600, episodes: 0, mtbfSeconds: null });
    expect(overall.ttr.n).toBe(1);
  });

  it('counts each figure in Berlin month buckets across the October change, keeping milliseconds', () => {
    const incidents = [{ startedAt: at('2026-10-25T00:30:00.000Z'), detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: at('2026-10-25T01:30:00.123Z') }];
    const result = computeMetrics(incidents, { from: at('2026-10-01T00:00:00+02:00'), to: at('2026-12-01T00:00:00+01:00'), bucket: 'month', zone: 'Europe/Berlin', now: at('2026-12-01T00:00:00Z') });
    expect(result.periods.map((p) => p.ttr.n)).toEqual([1, 0]);
    expect(result.periods[0]!.ttr.median).toBe(3600.123);
    expect(result.periods[0]!.availability).toBe(1 - 3_600_123 / ((31 * 24 + 1) * 3_600_000));
  });

  it('merges overlapping incidents into one episode for MTBF and availability', () => {
    const incidents = [incident('2026-06-10T00:00:00Z', { ttr: 60 }), incident('2026-06-10T00:30:00Z', { ttr: 60 }), incident('2026-06-12T00:00:00Z', { ttr: 60 })];
    const { overall } = computeMetrics(incidents, { ...range, bucket: 'none' });
    const length = 30 * 86_400;
    expect(overall).toMatchObject({ downtimeSeconds: 9000, episodes: 2, mtbfSeconds: (length - 9000) / 2, availability: 1 - 9000 / length });
    expect(overall.meanStartIntervalSeconds).toBe(2 * 86_400);
  });
});
