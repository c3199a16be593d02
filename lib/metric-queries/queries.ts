import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { bucketStart, type Period } from '@/lib/metrics/buckets';
import { computeMetrics, DURATION_KEYS, periodsOf, type DurationKey, type MetricIncident, type MetricsResult, type PeriodFigures } from '@/lib/metrics/compute';
import { availabilityFromParts, type EpisodeParts } from '@/lib/metrics/episodes';
import { statsFromParts, type Stats } from '@/lib/metrics/stats';
import { authorize, visibleIncidentsSql, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import type { MetricParams } from './schemas';

/**
 * The reliability figures for an actor's team, two ways that must agree:
 * - `pure`: load the incidents that can touch the range and run lib/metrics/compute.ts;
 * - `sql`: aggregate in PostgreSQL (percentile_cont, date_trunc ... AT TIME ZONE, episodes by
 *   window functions), sending back only per-bucket parts (plus each sample's sorted values for
 *   the seeded bootstrap, which must be the same PRNG as the pure path).
 * `auto` uses SQL once more than SQL_THRESHOLD incidents touch the range.
 */
export type MetricsEngine = 'pure' | 'sql' | 'auto';
export const SQL_THRESHOLD = 2000;

export async function getMetrics(actor: Actor, params: MetricParams, options: { now?: number; engine?: MetricsEngine } = {}): Promise<MetricsResult> {
  authorize(actor, 'viewer', 'see this team’s metrics');
  const now = options.now ?? Date.now();
  let engine = options.engine ?? 'auto';
  if (engine === 'auto') engine = (await db.incident.count({ where: prismaScope(actor, params) })) > SQL_THRESHOLD ? 'sql' : 'pure';
  return engine === 'sql' ? sqlMetrics(actor, params, now) : pureMetrics(actor, params, now);
}

function prismaScope(actor: Actor, p: MetricParams): Prisma.IncidentWhereInput {
  return {
    AND: [
      visibleIncidentsWhere(actor),
      { kind: p.kind },
      p.severities.length ? { severity: { in: p.severities } } : {},
      p.service ? { services: { some: { service: { name: p.service } } } } : {},
      { startedAt: { lt: new Date(p.to) } },
      { OR: [{ resolvedAt: null }, { resolvedAt: { gte: new Date(p.from) } }] },
    ],
  };
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());

async function pureMetrics(actor: Actor, params: MetricParams, now: number): Promise<MetricsResult> {
  const rows = await db.incident.findMany({
    where: prismaScope(actor, params),
    select: { startedAt: true, detectedAt: true, acknowledgedAt: true, mitigatedAt: true, resolvedAt: true },
  });
  const incidents: MetricIncident[] = rows.map((r) => ({
    startedAt: r.startedAt.getTime(),
    detectedAt: ms(r.detectedAt),
    acknowledgedAt: ms(r.acknowledgedAt),
    mitigatedAt: ms(r.mitigatedAt),
    resolvedAt: ms(r.resolvedAt),
  }));
  return computeMetrics(incidents, { ...params, now });
}

// ---- SQL path ----------------------------------------------------------------------------

/** The incidents of a view (visibility, kind, severities, service) as a SELECT, for a `WITH scoped AS (...)`. */
export function sqlScope(actor: Actor, p: MetricParams): Prisma.Sql {
  const filters = [visibleIncidentsSql(actor), Prisma.sql`i."kind" = ${p.kind}::"IncidentKind"`];
  if (p.severities.length) filters.push(Prisma.sql`i."severity"::text = ANY(${p.severities}::text[])`);
  if (p.service)
    filters.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "IncidentService" x JOIN "Service" s ON s."id" = x."serviceId" WHERE x."incidentId" = i."id" AND s."name" = ${p.service})`,
    );
  return Prisma.sql`SELECT i."id", i."startedAt", i."detectedAt", i."acknowledgedAt", i."mitigatedAt", i."resolvedAt" FROM "Incident" i WHERE ${Prisma.join(filters, ' AND ')}`;
}

/** Epoch milliseconds of a timestamptz column, exactly (timestamptz(3) holds whole milliseconds). */
export const epochMs = (column: string, alias = 'i') => Prisma.raw(`(extract(epoch from ${alias}."${column}") * 1000)::float8`);

function bucketOf(column: string, p: MetricParams): Prisma.Sql {
  if (p.bucket === 'none') return Prisma.sql`NULL::timestamptz`;
  return Prisma.sql`(date_trunc(${p.bucket}, i.${Prisma.raw(`"${column}"`)} AT TIME ZONE ${p.zone}) AT TIME ZONE ${p.zone})`;
}

interface DurationRow {
  overall: number;
  bucket: Date | null;
  metric: DurationKey;
  n: number;
  sum: number;
  min: number;
  max: number;
  median: number;
  p90: number;
  sorted: number[];
}

interface CountRow {
  overall: number;
  bucket: Date | null;
  n: number;
}

interface EpisodeRow {
  idx: bigint | number;
  downtime: number | null;
  k: number;
  first: number | null;
  last: number | null;
}

async function sqlMetrics(actor: Actor, params: MetricParams, now: number): Promise<MetricsResult> {
  const periods = periodsOf({ ...params, now });
  const scope = sqlScope(actor, params);
  const from = new Date(params.from);
  const to = new Date(params.to);
  // The whole range (GROUPING(bucket) = 1) and each bucket; with bucket=none the per-bucket rows are one NULL bucket, ignored.
  const grouping = Prisma.sql`GROUPING SETS ((bucket), ())`;

  // One snapshot for every query (REPEATABLE READ, set as the transaction's first statement: the
  // driver adapter refuses Prisma's isolationLevel option once the transaction has begun).
  return db.$transaction(async (tx) => {
      await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`;
      const durations = await tx.$queryRaw<DurationRow[]>`
        WITH scoped AS (${scope}),
        samples AS (
          SELECT ${bucketOf('resolvedAt', params)} AS bucket, m.metric, m.v
            FROM scoped i
            CROSS JOIN LATERAL (VALUES
              ('ttd', ${epochMs('detectedAt')} - ${epochMs('startedAt')}),
              ('tta', ${epochMs('acknowledgedAt')} - ${epochMs('detectedAt')}),
              ('ttm', ${epochMs('mitigatedAt')} - ${epochMs('startedAt')}),
              ('ttr', ${epochMs('resolvedAt')} - ${epochMs('startedAt')})) AS m(metric, v)
           WHERE i."resolvedAt" >= ${from} AND i."resolvedAt" < ${to} AND m.v IS NOT NULL)
        SELECT GROUPING(bucket)::int AS overall, bucket, metric, count(*)::int AS n, sum(v)::float8 AS sum,
               min(v) AS min, max(v) AS max,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY v) AS p90,
               array_agg(v ORDER BY v) AS sorted
          FROM samples
         GROUP BY metric, ${grouping}`;

      const counts = async (column: 'startedAt' | 'resolvedAt') =>
        tx.$queryRaw<CountRow[]>`
          WITH scoped AS (${scope})
          SELECT GROUPING(bucket)::int AS overall, bucket, count(*)::int AS n
            FROM (SELECT ${bucketOf(column, params)} AS bucket FROM scoped i
                   WHERE i.${Prisma.raw(`"${column}"`)} >= ${from} AND i.${Prisma.raw(`"${column}"`)} < ${to}) b
           GROUP BY ${grouping}`;
      const started = await counts('startedAt');
      const resolved = await counts('resolvedAt');

      // Period 0 is the whole range, then the buckets.
      const all: Period[] = [{ start: params.from, end: params.to }, ...periods];
      const ends = all.map((p) => new Date(Math.min(p.end, now)));
      const open = await tx.$queryRaw<{ idx: bigint | number; n: number }[]>`
        WITH scoped AS (${scope})
        SELECT e.idx, count(i."id")::int AS n
          FROM unnest(${ends}::timestamptz[]) WITH ORDINALITY AS e(at, idx)
          LEFT JOIN (SELECT * FROM scoped i WHERE i."startedAt" < ${to} AND (i."resolvedAt" IS NULL OR i."resolvedAt" >= ${from})) i
                 ON i."startedAt" < e.at AND (i."resolvedAt" IS NULL OR i."resolvedAt" >= e.at)
         GROUP BY e.idx`;

      const openUntil = new Date(Math.min(now, params.to));
      const episodes = await tx.$queryRaw<EpisodeRow[]>`
        WITH scoped AS (${scope}),
        iv AS (
          SELECT ${epochMs('startedAt')} AS s, coalesce(${epochMs('resolvedAt')}, greatest(${epochMs('startedAt')}, (extract(epoch from ${openUntil}::timestamptz) * 1000)::float8)) AS e
            FROM scoped i
           WHERE i."startedAt" < ${to} AND (i."resolvedAt" IS NULL OR i."resolvedAt" >= ${from})),
        marked AS (
          SELECT s, e, CASE WHEN s <= max(e) OVER (ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS starts
            FROM iv),
        grouped AS (SELECT s, e, sum(starts) OVER (ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS g FROM marked),
        ep AS (SELECT min(s) AS s, max(e) AS e FROM grouped GROUP BY g),
        p AS (SELECT * FROM unnest(${all.map((x) => x.start)}::float8[], ${all.map((x) => x.end)}::float8[]) WITH ORDINALITY AS p(s, e, idx))
        SELECT p.idx,
               -- LEAST/GREATEST skip NULLs, so rows without an episode must not reach the sum.
               coalesce(sum(greatest(0, least(ep.e, p.e) - greatest(ep.s, p.s))) FILTER (WHERE ep.s IS NOT NULL), 0)::float8 AS downtime,
               (count(ep.s) FILTER (WHERE ep.s >= p.s AND ep.s < p.e))::int AS k,
               min(ep.s) FILTER (WHERE ep.s >= p.s AND ep.s < p.e) AS first,
               max(ep.s) FILTER (WHERE ep.s >= p.s AND ep.s < p.e) AS last
          FROM p LEFT JOIN ep ON ep.s < p.e AND ep.e >= p.s
         GROUP BY p.idx`;

      // Assemble: index 0 = overall, 1.. = buckets. SQL bucket keys are the unclipped bucket starts.
      const slot = new Map<number, number>();
      periods.forEach((p, k) => slot.set(k === 0 ? bucketStart(params.from, params.bucket as 'week' | 'month', params.zone) : p.start, k + 1));
      const indexOf = (row: { overall: number; bucket: Date | null }): number => {
        if (row.overall === 1) return 0;
        if (params.bucket === 'none') return -1;
        const k = slot.get(row.bucket!.getTime());
        if (k === undefined) throw new Error(`metrics: PostgreSQL bucket ${row.bucket!.toISOString()} is not one of the computed buckets (${params.zone})`);
        return k;
      };

      const empty = (): Record<DurationKey, Stats> =>
        Object.fromEntries(DURATION_KEYS.map((key) => [key, statsFromParts({ n: 0, sumMs: 0, minMs: null, maxMs: null, medianMs: null, p90Ms: null, sorted: [] })])) as Record<DurationKey, Stats>;
      const stats = all.map(empty);
      for (const r of durations) {
        if (indexOf(r) < 0) continue;
        stats[indexOf(r)]![r.metric] = statsFromParts({ n: r.n, sumMs: r.sum, minMs: r.min, maxMs: r.max, medianMs: r.median, p90Ms: r.p90, sorted: r.sorted.map(Number) });
      }
      const startedN = all.map(() => 0);
      for (const r of started) if (indexOf(r) >= 0) startedN[indexOf(r)] = r.n;
      const resolvedN = all.map(() => 0);
      for (const r of resolved) if (indexOf(r) >= 0) resolvedN[indexOf(r)] = r.n;
      const openN = all.map(() => 0);
      for (const r of open) openN[Number(r.idx) - 1] = r.n;
      const parts: EpisodeParts[] = all.map(() => ({ downtimeMs: 0, episodes: 0, firstStart: null, lastStart: null }));
      for (const r of episodes) parts[Number(r.idx) - 1] = { downtimeMs: r.downtime ?? 0, episodes: r.k, firstStart: r.first, lastStart: r.last };

      const figures: PeriodFigures[] = all.map((p, k) => ({
        start: p.start,
        end: p.end,
        incidents: { started: startedN[k]!, resolved: resolvedN[k]!, open: openN[k]! },
        ...stats[k]!,
        ...availabilityFromParts(parts[k]!, p.start, p.end),
      })) as PeriodFigures[];
      return { overall: figures[0]!, periods: figures.slice(1) };
  }, { timeout: 30_000 });
}


/** The team's own zone, the default for `tz`. */
export async function teamTimeZone(actor: Actor): Promise<string> {
  authorize(actor, 'viewer', 'see this team’s metrics');
  const team = await db.team.findUnique({ where: { id: actor.teamId }, select: { timeZone: true } });
  return team?.timeZone ?? 'UTC';
}
