import { incidentDurations } from '@/lib/incidents/durations';
import { bucketPeriods, periodIndex, type BucketUnit, type Period } from './buckets';
import { availabilityFor, incidentInterval, mergeEpisodes, type Availability } from './episodes';
import { durationStats, type Stats } from './stats';

/**
 * The reliability figures of METRICS.md for a range and its buckets, from plain incident rows.
 * This is the reference ("pure") path; lib/metric-queries computes the same figures in SQL for
 * large teams and an integration test proves they agree.
 */
export interface MetricIncident {
  startedAt: number;
  detectedAt: number | null;
  acknowledgedAt: number | null;
  mitigatedAt: number | null;
  resolvedAt: number | null;
}

export type Bucket = BucketUnit | 'none';
export const DURATION_KEYS = ['ttd', 'tta', 'ttm', 'ttr'] as const;
export type DurationKey = (typeof DURATION_KEYS)[number];

export interface IncidentCounts {
  started: number;
  resolved: number;
  open: number;
}

export interface PeriodFigures extends Availability {
  start: number;
  end: number;
  incidents: IncidentCounts;
  ttd: Stats;
  tta: Stats;
  ttm: Stats;
  ttr: Stats;
}

export interface MetricsRange {
  from: number;
  to: number;
  bucket: Bucket;
  zone: string;
  /** "Now" for open incidents: an open incident's interval ends at min(now, to). */
  now: number;
}

export interface MetricsResult {
  overall: PeriodFigures;
  periods: PeriodFigures[];
}

/** The periods of a range: the buckets, or none. */
export function periodsOf(range: MetricsRange): Period[] {
  return range.bucket === 'none' ? [] : bucketPeriods(range.from, range.to, range.bucket, range.zone);
}

/**
 * Incidents whose figures can touch [from, to): started before `to`, and not resolved before
 * `from` (an earlier incident only matters through an episode that reaches into the range, and
 * such an episode's members all end at or after `from` or start before a member that does).
 */
export function touchesRange(i: Pick<MetricIncident, 'startedAt' | 'resolvedAt'>, from: number, to: number): boolean {
  return i.startedAt < to && (i.resolvedAt === null || i.resolvedAt >= from);
}

/** Incidents open at the end of a period: started before it and not resolved by then (or now, if sooner). */
function openAt(incidents: readonly MetricIncident[], end: number, now: number): number {
  const at = Math.min(end, now);
  let open = 0;
  for (const i of incidents) if (i.startedAt < at && (i.resolvedAt === null || i.resolvedAt >= at)) open++;
  return open;
}

export function computeMetrics(incidents: readonly MetricIncident[], range: MetricsRange): MetricsResult {
  const { from, to, now } = range;
  const periods = periodsOf(range);
  const inRange = (t: number | null): t is number => t !== null && t >= from && t < to;

  const samples = (list: readonly MetricIncident[]) => {
    const byKey: Record<DurationKey, number[]> = { ttd: [], tta: [], ttm: [], ttr: [] };
    for (const i of list) {
      const d = incidentDurations({
        startedAt: new Date(i.startedAt),
        detectedAt: i.detectedAt === null ? null : new Date(i.detectedAt),
        acknowledgedAt: i.acknowledgedAt === null ? null : new Date(i.acknowledgedAt),
        mitigatedAt: i.mitigatedAt === null ? null : new Date(i.mitigatedAt),
        resolvedAt: new Date(i.resolvedAt!),
      });
      for (const key of DURATION_KEYS) {
        const v = d[key];
        if (v !== null) byKey[key].push(v);
      }
    }
    return byKey;
  };

  const resolvedIn = incidents.filter((i) => inRange(i.resolvedAt));
  const startedIn = incidents.filter((i) => inRange(i.startedAt));
  const episodes = mergeEpisodes(
    incidents.filter((i) => touchesRange(i, from, to)).map((i) => incidentInterval(i.startedAt, i.resolvedAt, Math.min(now, to))),
  );

  const figures = (start: number, end: number, resolved: MetricIncident[], started: number): PeriodFigures => {
    const s = samples(resolved);
    return {
      start,
      end,
      incidents: { started, resolved: resolved.length, open: openAt(incidents, end, now) },
      ttd: durationStats(s.ttd),
      tta: durationStats(s.tta),
      ttm: durationStats(s.ttm),
      ttr: durationStats(s.ttr),
      ...availabilityFor(episodes, start, end),
    };
  };

  const resolvedBy: MetricIncident[][] = periods.map(() => []);
  for (const i of resolvedIn) resolvedBy[periodIndex(periods, i.resolvedAt!)]?.push(i);
  const startedBy = periods.map(() => 0);
  for (const i of startedIn) {
    const k = periodIndex(periods, i.startedAt);
    if (k >= 0) startedBy[k]!++;
  }

  return {
    overall: figures(from, to, resolvedIn, startedIn.length),
    periods: periods.map((p, k) => figures(p.start, p.end, resolvedBy[k]!, startedBy[k]!)),
  };
}
