import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { IncidentKind, Severity } from '@/lib/generated/prisma/enums';
import { startOfZonedDay, nextDay } from '@/lib/incidents/zoned-day';
import { bucketStart } from '@/lib/metrics/buckets';
import { choice, list, parseLeniently, single, text } from '@/lib/query-params';
import { instantAtLikePostgres, DAY_MS, wallOf } from '@/lib/wall-clock';
import type { MetricParams } from './schemas';

/**
 * The dashboard's state, all in the URL so a view can be shared:
 * range=4w|13w|26w|52w|custom (custom uses from / to days, to inclusive, in the team's zone),
 * bucket=week|month, severity=SEV1,SEV2, service=<name>, kind=incident|drill.
 * Parsed leniently: a bad parameter is reported and dropped, the rest apply.
 */
export const RANGES = ['4w', '13w', '26w', '52w', 'custom'] as const;
export type RangeKey = (typeof RANGES)[number];
export const RANGE_LABEL: Record<RangeKey, string> = { '4w': 'Last 4 weeks', '13w': 'Last 13 weeks', '26w': 'Last 26 weeks', '52w': 'Last 52 weeks', custom: 'Custom dates' };
const VIEW_KEYS = ['range', 'from', 'to', 'bucket', 'severity', 'service', 'kind'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const day = (name: string) =>
  z.preprocess(single(name), pgText().regex(DAY, `${name} must be a day like 2026-03-01.`).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), `${name} is not a real day.`).optional());

const viewSchema = z.object({
  range: choice('range', RANGES),
  from: day('from'),
  to: day('to'),
  bucket: choice('bucket', ['week', 'month'] as const),
  severity: list('severity', Object.values(Severity), (s) => s.toUpperCase()),
  service: text('service', 100),
  kind: choice('kind', Object.values(IncidentKind)),
});

export interface DashboardView {
  range: RangeKey;
  /** Days (YYYY-MM-DD) for the custom range, as given. */
  fromDay?: string;
  toDay?: string;
  bucket: 'week' | 'month';
  severities: Severity[];
  service: string | null;
  kind: IncidentKind;
}

export type ViewErrors = Partial<Record<(typeof VIEW_KEYS)[number], string>>;

export function parseView(input: Record<string, string | string[] | undefined>): { view: DashboardView; errors: ViewErrors } {
  const { value: v, errors } = parseLeniently(viewSchema, VIEW_KEYS, input);
  let range: RangeKey = v.range ?? (v.from || v.to ? 'custom' : '13w');
  if (range === 'custom' && (!v.from || !v.to)) {
    errors.range ??= 'A custom range needs both a from and a to day; showing the last 13 weeks.';
    range = '13w';
  } else if (range === 'custom' && v.from! > v.to!) {
    errors.to ??= 'to must not be before from; showing the last 13 weeks.';
    range = '13w';
  }
  return {
    view: {
      range,
      ...(range === 'custom' ? { fromDay: v.from, toDay: v.to } : {}),
      bucket: v.bucket ?? 'week',
      severities: v.severity ?? [],
      service: v.service ?? null,
      kind: v.kind ?? 'incident',
    },
    errors,
  };
}

/** The view as a query string (defaults left out), with `change` applied. */
export function viewQuery(view: DashboardView, change: Partial<DashboardView> = {}): string {
  const v = { ...view, ...change };
  const q = new URLSearchParams();
  if (v.range !== '13w') q.set('range', v.range);
  if (v.range === 'custom') {
    if (v.fromDay) q.set('from', v.fromDay);
    if (v.toDay) q.set('to', v.toDay);
  }
  if (v.bucket !== 'week') q.set('bucket', v.bucket);
  if (v.severities.length) q.set('severity', v.severities.join(','));
  if (v.service) q.set('service', v.service);
  if (v.kind !== 'incident') q.set('kind', v.kind);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The metric parameters of a view, and of the period just before it (same length) for the change
 * words. Presets run from local Monday 00:00 N-1 weeks before this week's Monday to now.
 */
export function viewPeriods(view: DashboardView, zone: string, now: number): { current: MetricParams; previous: MetricParams } {
  let from: number;
  let to: number;
  let previousFrom: number;
  if (view.range === 'custom') {
    from = startOfZonedDay(view.fromDay!, zone).getTime();
    to = Math.min(startOfZonedDay(nextDay(view.toDay!), zone).getTime(), Math.max(now, from + 1));
    previousFrom = from - (to - from);
  } else {
    const weeks = Number(view.range.slice(0, -1));
    const monday = wallOf(bucketStart(now, 'week', zone), zone);
    from = instantAtLikePostgres(monday - (weeks - 1) * 7 * DAY_MS, zone);
    previousFrom = instantAtLikePostgres(monday - (2 * weeks - 1) * 7 * DAY_MS, zone);
    to = now;
  }
  const base = { bucket: view.bucket, zone, severities: view.severities, service: view.service, kind: view.kind };
  return { current: { ...base, from, to }, previous: { ...base, from: previousFrom, to: from, bucket: 'none' } };
}
