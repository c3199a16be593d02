import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { AppError } from '@/lib/errors';
import { IncidentKind, Severity } from '@/lib/generated/prisma/enums';
import { bucketPeriods } from '@/lib/metrics/buckets';
import { choice, knownParams, list, single, text } from '@/lib/query-params';
import { isTimeZone } from '@/lib/time-zone';

/**
 * Parameters of the metrics (GET /api/v1/metrics and the dashboard):
 * from, to: ISO-8601 instants with offset, P = [from, to) (default: the 90 days before now);
 * bucket: week | month | none (default week); tz: IANA zone (default the team's);
 * severity: SEV1..SEV4 list; service: a service name; kind: incident (default) or drill.
 */
export const METRIC_BUCKETS = ['week', 'month', 'none'] as const;
export const DEFAULT_RANGE_DAYS = 90;
/** Ten years: enough for any history, small enough that a request stays cheap. */
export const MAX_RANGE_MS = 3653 * 86_400_000;

const instant = (name: string) =>
  z.preprocess(single(name), z.iso.datetime({ offset: true, error: `${name} must be an ISO-8601 time with offset, like 2026-01-01T00:00:00Z.` }).optional());

export const metricParamsSchema = z
  .object({
    from: instant('from').meta({ description: 'Start of the range (included), ISO-8601 with offset. Default: 90 days before `to`.' }),
    to: instant('to').meta({ description: 'End of the range (excluded). Default: now.' }),
    bucket: choice('bucket', METRIC_BUCKETS).meta({ description: 'Figures per week (default), per month, or for the whole range only.' }),
    tz: z.preprocess(single('tz'), pgText().refine(isTimeZone, 'tz must be an IANA time zone such as Europe/Berlin.').optional()).meta({ description: 'IANA time zone of the buckets’ boundaries. Default: the team’s.' }),
    severity: list('severity', Object.values(Severity), (s) => s.toUpperCase()).meta({ description: 'Only these severities.' }),
    service: text('service', 100).meta({ description: 'Only incidents of this service.' }),
    kind: choice('kind', Object.values(IncidentKind)).meta({ description: 'incident (default) or drill.' }),
  })
  .strip();

export type MetricParamsInput = z.input<typeof metricParamsSchema>;

export interface MetricParams {
  from: number;
  to: number;
  bucket: (typeof METRIC_BUCKETS)[number];
  zone: string;
  severities: Severity[];
  service: string | null;
  kind: IncidentKind;
}

/** Defaults and cross-field checks, with `now` and the team's zone supplied by the caller. */
export function resolveMetricParams(input: unknown, teamZone: string, now: number): MetricParams {
  const p = metricParamsSchema.parse(input);
  const to = p.to ? Date.parse(p.to) : now;
  const from = p.from ? Date.parse(p.from) : to - DEFAULT_RANGE_DAYS * 86_400_000;
  const fail = (path: string, message: string): never => {
    throw new AppError('VALIDATION', message, { fields: [{ path: [path], message }] });
  };
  if (!(from < to)) fail(p.from ? 'from' : 'to', 'from must be before to.');
  if (to - from > MAX_RANGE_MS) fail('from', 'The range can span at most ten years.');
  const params: MetricParams = {
    from,
    to,
    bucket: p.bucket ?? 'week',
    zone: p.tz ?? teamZone,
    severities: p.severity ?? [],
    service: p.service ?? null,
    kind: p.kind ?? 'incident',
  };
  if (params.bucket !== 'none' && bucketPeriods(from, to, params.bucket, params.zone).length > 600)
    fail('bucket', 'Too many buckets for this range: use bucket=month or a shorter range.');
  return params;
}

/** GET /api/v1/metrics: the query string, strictly (unknown parameters are a 422). */
export function parseMetricQuery(params: URLSearchParams, teamZone: string, now: number): MetricParams {
  return resolveMetricParams(knownParams(params, Object.keys(metricParamsSchema.shape)), teamZone, now);
}
