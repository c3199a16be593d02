import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { FactorCategory, Severity } from '@/lib/generated/prisma/enums';
import { periodIndex } from '@/lib/metrics/buckets';
import { periodsOf, type MetricsResult } from '@/lib/metrics/compute';
import { toSeconds } from '@/lib/metrics/stats';
import { authorize, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { wallOf } from '@/lib/wall-clock';
import { epochMs, getMetrics, sqlScope } from './queries';
import type { MetricParams } from './schemas';
import { viewPeriods, type DashboardView } from './view';

/**
 * Everything the metrics dashboard shows for one view: the figures of the period and its
 * buckets, the previous period's for the change words, each resolved incident as a dot, incidents
 * started per bucket by severity, the contributing-factor Pareto (METRICS.md section 5) and the
 * action-item figures. Every incident read goes through visibleIncidentsWhere.
 */
export interface TtrDot {
  number: number;
  title: string;
  severity: Severity;
  ttrSeconds: number;
  resolvedAt: number;
}

export interface ParetoRow {
  key: string;
  label: string;
  href?: string;
  incidents: number;
  ttrSeconds: number;
  /** Incidents counted here whose TTR is known (open ones are not). */
  ttrKnown: number;
  /** Share of all links covered by this row and the ones before it (the Pareto line). */
  cumulativeShare: number;
}

export interface ActionFigures {
  open: number;
  overdue: number;
  /** done / (all but won't do) for items created in the period; null when there are none. */
  completionRate: number | null;
  createdInPeriod: number;
  /** Median of completedAt - createdAt (seconds) for items completed in the period. */
  medianTimeToCloseSeconds: number | null;
  completedInPeriod: number;
  /** Share of incidents resolved in the period with at least one prevent or detect item. */
  preventOrDetectShare: number | null;
  resolvedIncidents: number;
}

export interface Dashboard {
  current: MetricsResult;
  previous: MetricsResult;
  dots: TtrDot[];
  severityByPeriod: Record<Severity, number>[];
  factors: ParetoRow[];
  categories: ParetoRow[];
  actions: ActionFigures;
}

export function incidentScope(actor: Actor, p: MetricParams): Prisma.IncidentWhereInput {
  return {
    AND: [
      visibleIncidentsWhere(actor),
      { kind: p.kind },
      p.severities.length ? { severity: { in: p.severities } } : {},
      p.service ? { services: { some: { service: { name: p.service } } } } : {},
    ],
  };
}

const SEVERITY_KEYS: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

/** Today in `zone` as the UTC midnight Prisma uses for a @db.Date. */
function todayAsDate(now: number, zone: string): Date {
  const wall = wallOf(now, zone);
  return new Date(wall - (wall % 86_400_000));
}

export async function loadDashboard(actor: Actor, current: MetricParams, previous: MetricParams, now: number, teamSlug: string): Promise<Dashboard> {
  authorize(actor, 'viewer', 'see this team’s metrics');
  const scope = incidentScope(actor, current);
  const from = new Date(current.from);
  const to = new Date(current.to);
  const periods = periodsOf({ ...current, now });

  const [currentMetrics, previousMetrics, resolved, started, links, actions] = await Promise.all([
    getMetrics(actor, current, { now }),
    getMetrics(actor, previous, { now }),
    db.incident.findMany({
      where: { AND: [scope, { resolvedAt: { gte: from, lt: to } }] },
      select: { id: true, number: true, title: true, severity: true, startedAt: true, resolvedAt: true },
      orderBy: { resolvedAt: 'asc' },
    }),
    db.incident.findMany({ where: { AND: [scope, { startedAt: { gte: from, lt: to } }] }, select: { startedAt: true, severity: true } }),
    factorLinks(actor, current),
    actionFigures(actor, current, todayAsDate(now, current.zone)),
  ]);

  const dots: TtrDot[] = resolved.map((i) => ({
    number: i.number,
    title: i.title,
    severity: i.severity,
    ttrSeconds: toSeconds(i.resolvedAt!.getTime() - i.startedAt.getTime()),
    resolvedAt: i.resolvedAt!.getTime(),
  }));

  const severityByPeriod = periods.map(() => Object.fromEntries(SEVERITY_KEYS.map((s) => [s, 0])) as Record<Severity, number>);
  for (const i of started) {
    const k = periodIndex(periods, i.startedAt.getTime());
    if (k >= 0) severityByPeriod[k]![i.severity]++;
  }

  const base = `/t/${encodeURIComponent(teamSlug)}/factors`;
  const byWeight = (a: ParetoRow, b: ParetoRow) => b.incidents - a.incidents || b.ttrSeconds - a.ttrSeconds || a.label.localeCompare(b.label);
  const paretoRow = (r: LinkRow, key: string, label: string, href?: string): ParetoRow => ({ key, label, href, incidents: r.incidents, ttrSeconds: toSeconds(r.ttrMs), ttrKnown: r.ttrKnown, cumulativeShare: 0 });
  const factors = withCumulativeShare(links.filter((r) => r.factorId !== null).map((r) => paretoRow(r, r.factorId!, r.name!, `${base}/${r.factorId}`)).sort(byWeight));
  const categories = withCumulativeShare(links.filter((r) => r.factorId === null).map((r) => paretoRow(r, r.category, CATEGORY_LABEL[r.category])).sort(byWeight));

  return {
    current: currentMetrics,
    previous: previousMetrics,
    dots,
    severityByPeriod,
    factors,
    categories,
    actions: {
      open: actions.open,
      overdue: actions.overdue,
      completionRate: actions.countable ? actions.countableDone / actions.countable : null,
      createdInPeriod: actions.created,
      medianTimeToCloseSeconds: actions.medianCloseMs === null ? null : toSeconds(actions.medianCloseMs),
      completedInPeriod: actions.completed,
      preventOrDetectShare: resolved.length ? actions.guardedResolved / resolved.length : null,
      resolvedIncidents: resolved.length,
    },
  };
}

interface LinkRow {
  /** Null on a category's row. */
  factorId: string | null;
  name: string | null;
  category: FactorCategory;
  incidents: number;
  /** Summed TTR (ms) of the resolved ones among them. */
  ttrMs: number;
  ttrKnown: number;
}

/**
 * The factor links of the incidents started in the period (METRICS.md section 5), counted by
 * PostgreSQL: one row per factor (its links, with the summed TTR of the resolved incidents), and
 * one per category, where an incident with two factors of a category counts once.
 */
async function factorLinks(actor: Actor, p: MetricParams): Promise<LinkRow[]> {
  return db.$queryRaw<LinkRow[]>`
    WITH scoped AS (${sqlScope(actor, p)}),
    links AS (
      SELECT x."incidentId", f."id", f."name", f."category",
             CASE WHEN i."resolvedAt" IS NULL THEN NULL ELSE ${epochMs('resolvedAt')} - ${epochMs('startedAt')} END AS ttr
        FROM "IncidentFactor" x
        JOIN scoped i ON i."id" = x."incidentId"
        JOIN "ContributingFactor" f ON f."id" = x."factorId"
       WHERE i."startedAt" >= ${new Date(p.from)} AND i."startedAt" < ${new Date(p.to)})
    SELECT "id"::text AS "factorId", "name", "category", count(*)::int AS "incidents", coalesce(sum(ttr), 0)::float8 AS "ttrMs", count(ttr)::int AS "ttrKnown"
      FROM links GROUP BY "id", "name", "category"
    UNION ALL
    SELECT NULL, NULL, "category", count(*)::int, coalesce(sum(ttr), 0)::float8, count(ttr)::int
      FROM (SELECT DISTINCT "incidentId", "category", ttr FROM links) d GROUP BY "category"`;
}

interface ActionFigureRow {
  open: number;
  overdue: number;
  created: number;
  countable: number;
  countableDone: number;
  completed: number;
  medianCloseMs: number | null;
  guardedResolved: number;
}

/**
 * The action-item figures of METRICS.md section 5 for the incidents of a view, counted by
 * PostgreSQL (a large team has tens of thousands of items; only the figures cross the wire):
 * open and overdue items (now), items created in the period (and how many of those not won't-do
 * are done), items completed in the period with the median of completedAt - createdAt (the
 * percentile_cont that percentileCont mirrors, on whole milliseconds), and the incidents resolved
 * in the period that have at least one prevent or detect item.
 */
async function actionFigures(actor: Actor, p: MetricParams, today: Date): Promise<ActionFigureRow> {
  const from = new Date(p.from);
  const to = new Date(p.to);
  const day = today.toISOString().slice(0, 10);
  const [row] = await db.$queryRaw<ActionFigureRow[]>`
    WITH scoped AS (${sqlScope(actor, p)}),
    items AS (
      SELECT a."status", a."dueDate",
             a."createdAt" >= ${from} AND a."createdAt" < ${to} AS created,
             a."status" = 'done' AND a."completedAt" >= ${from} AND a."completedAt" < ${to} AS completed,
             ${epochMs('completedAt', 'a')} - ${epochMs('createdAt', 'a')} AS close_ms
        FROM "ActionItem" a JOIN scoped i ON i."id" = a."incidentId"
       WHERE a."teamId" = ${actor.teamId}::uuid)
    SELECT count(*) FILTER (WHERE "status" IN ('open', 'in_progress'))::int AS "open",
           count(*) FILTER (WHERE "status" IN ('open', 'in_progress') AND "dueDate" < ${day}::date)::int AS "overdue",
           count(*) FILTER (WHERE created)::int AS "created",
           count(*) FILTER (WHERE created AND "status" <> 'wont_do')::int AS "countable",
           count(*) FILTER (WHERE created AND "status" = 'done')::int AS "countableDone",
           count(*) FILTER (WHERE completed)::int AS "completed",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY close_ms) FILTER (WHERE completed) AS "medianCloseMs",
           (SELECT count(*)::int FROM scoped i
             WHERE i."resolvedAt" >= ${from} AND i."resolvedAt" < ${to}
               AND EXISTS (SELECT 1 FROM "ActionItem" g WHERE g."incidentId" = i."id" AND g."teamId" = ${actor.teamId}::uuid AND g."type" IN ('prevent', 'detect'))) AS "guardedResolved"
      FROM items`;
  return row!;
}

function withCumulativeShare(rows: ParetoRow[]): ParetoRow[] {
  const total = rows.reduce((a, r) => a + r.incidents, 0);
  let running = 0;
  return rows.map((r) => {
    running += r.incidents;
    return { ...r, cumulativeShare: total ? running / total : 0 };
  });
}

/** The dashboard for a view as of now: the view's periods (in the team's zone) and their figures. */
export async function loadDashboardView(actor: Actor & { team: { timeZone: string } }, view: DashboardView, teamSlug: string) {
  const now = Date.now();
  const { current, previous } = viewPeriods(view, actor.team.timeZone, now);
  const dashboard = await loadDashboard(actor, current, previous, now, teamSlug);
  return { now, current, previous, dashboard };
}

export const CATEGORY_LABEL: Record<FactorCategory, string> = {
  technical: 'Technical',
  process: 'Process',
  organizational: 'Organizational',
  external: 'External',
  human_factors: 'Human factors',
};
