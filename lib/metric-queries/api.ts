import type { MetricsResult, PeriodFigures } from '@/lib/metrics/compute';
import type { MetricParams } from './schemas';

/**
 * The JSON of GET /api/v1/metrics: instants as ISO strings, durations in seconds as JSON numbers
 * (milliseconds kept), nulls exactly where METRICS.md says.
 */
export interface ApiPeriod extends Omit<PeriodFigures, 'start' | 'end'> {
  start: string;
  end: string;
}

export interface ApiMetrics {
  from: string;
  to: string;
  bucket: MetricParams['bucket'];
  timeZone: string;
  kind: MetricParams['kind'];
  filters: { severity: string[]; service: string | null };
  overall: ApiPeriod;
  periods: ApiPeriod[];
}

const iso = (ms: number) => new Date(ms).toISOString();

function apiPeriod(p: PeriodFigures): ApiPeriod {
  const { start, end, incidents, ttd, tta, ttm, ttr, downtimeSeconds, episodes, mtbfSeconds, availability, meanStartIntervalSeconds } = p;
  return { start: iso(start), end: iso(end), incidents, ttd, tta, ttm, ttr, downtimeSeconds, episodes, mtbfSeconds, availability, meanStartIntervalSeconds };
}

export function toApiMetrics(result: MetricsResult, params: MetricParams): ApiMetrics {
  return {
    from: iso(params.from),
    to: iso(params.to),
    bucket: params.bucket,
    timeZone: params.zone,
    kind: params.kind,
    filters: { severity: params.severities, service: params.service },
    overall: apiPeriod(result.overall),
    periods: result.periods.map(apiPeriod),
  };
}
