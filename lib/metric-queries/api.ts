import type { MetricsResult, PeriodFigures } from '@/lib/metrics/compute';
import type { ApiMetrics } from '@/lib/api/openapi/responses';
import type { MetricParams } from './schemas';

/**
 * The JSON of GET /api/v1/metrics: instants as ISO strings, durations in seconds as JSON numbers
 * (milliseconds kept), nulls exactly where METRICS.md says. Its shape is the zod schema the
 * OpenAPI document is generated from (lib/api/openapi/responses.ts).
 */
export type { ApiMetrics };
export type ApiPeriod = ApiMetrics['overall'];

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

const DURATIONS = ['ttd', 'tta', 'ttm', 'ttr'] as const;

/** The bucket table as CSV rows: the whole range first, then each bucket (seconds, exact). */
export function metricsCsvRows(m: ApiMetrics): (string | number | null)[][] {
  const header = [
    'period', 'start', 'end', 'time zone', 'started', 'resolved', 'open',
    ...DURATIONS.flatMap((d) => [`${d} n`, `${d} median s`, `${d} ci90 low s`, `${d} ci90 high s`, `${d} p90 s`, `${d} mean s`, `${d} min s`, `${d} max s`]),
    'downtime s', 'episodes', 'mtbf s', 'availability', 'mean start interval s',
  ];
  const row = (label: string, p: ApiPeriod) => [
    label, p.start, p.end, m.timeZone, p.incidents.started, p.incidents.resolved, p.incidents.open,
    ...DURATIONS.flatMap((d) => [p[d].n, p[d].median, p[d].ci90?.[0] ?? null, p[d].ci90?.[1] ?? null, p[d].p90, p[d].mean, p[d].min, p[d].max]),
    p.downtimeSeconds, p.episodes, p.mtbfSeconds, p.availability, p.meanStartIntervalSeconds,
  ];
  return [header, row('whole range', m.overall), ...m.periods.map((p) => row(m.bucket, p))];
}
