import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionType, FactorCategory, Severity } from '@/lib/generated/prisma/enums';
import { periodIndex } from '@/lib/metrics/buckets';
import { periodsOf, type MetricsResult } from '@/lib/metrics/compute';
import { percentileCont, toSeconds } from '@/lib/metrics/stats';
import { authorize, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { wallOf } from '@/lib/wall-clock';
import { getMetrics } from './queries';
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
const PREVENT_OR_DETECT: ActionType[] = ['prevent', 'detect'];

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
    db.incidentFactor.findMany({
      where: { incident: { AND: [scope, { startedAt: { gte: from, lt: to } }] } },
      select: { incidentId: true, incident: { select: { startedAt: true, resolvedAt: true } }, factor: { select: { id: true, name: true, category: true } } },
    }),
    db.actionItem.findMany({
      where: { teamId: actor.teamId, incident: scope },
      select: { status: true, type: true, dueDate: true, createdAt: true, completedAt: true, incidentId: true },
    }),
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
  const factorRows = new Map<string, ParetoRow>();
  const categoryIncidents = new Map<FactorCategory, Map<string, number | null>>();
  for (const link of links) {
    const ttr = link.incident.resolvedAt ? link.incident.resolvedAt.getTime() - link.incident.startedAt.getTime() : null;
    const row = factorRows.get(link.factor.id) ?? { key: link.factor.id, label: link.factor.name, href: `${base}/${link.factor.id}`, incidents: 0, ttrSeconds: 0, ttrKnown: 0, cumulativeShare: 0 };
    row.incidents++;
    if (ttr !== null) {
      row.ttrSeconds += ttr;
      row.ttrKnown++;
    }
    factorRows.set(link.factor.id, row);
    const perCategory = categoryIncidents.get(link.factor.category) ?? new Map<string, number | null>();
    perCategory.set(link.incidentId, ttr);
    categoryIncidents.set(link.factor.category, perCategory);
  }
  const byWeight = (a: ParetoRow, b: ParetoRow) => b.incidents - a.incidents || b.ttrSeconds - a.ttrSeconds || a.label.localeCompare(b.label);
  const factors = withCumulativeShare([...factorRows.values()].map((r) => ({ ...r, ttrSeconds: toSeconds(r.ttrSeconds) })).sort(byWeight));
  const categories = withCumulativeShare(
    [...categoryIncidents.entries()]
      .map(([category, incidents]): ParetoRow => {
        const known = [...incidents.values()].filter((t): t is number => t !== null);
        return { key: category, label: CATEGORY_LABEL[category], incidents: incidents.size, ttrSeconds: toSeconds(known.reduce((a, b) => a + b, 0)), ttrKnown: known.length, cumulativeShare: 0 };
      })
      .sort(byWeight),
  );

  const today = todayAsDate(now, current.zone);
  const isOpen = (s: string) => s === 'open' || s === 'in_progress';
  const created = actions.filter((a) => a.createdAt >= from && a.createdAt < to);
  const countable = created.filter((a) => a.status !== 'wont_do');
  const completed = actions.filter((a) => a.status === 'done' && a.completedAt && a.completedAt >= from && a.completedAt < to);
  const closeTimes = completed.map((a) => a.completedAt!.getTime() - a.createdAt.getTime()).sort((a, b) => a - b);
  const guarded = new Set(actions.filter((a) => PREVENT_OR_DETECT.includes(a.type)).map((a) => a.incidentId));
  const median = percentileCont(closeTimes, 0.5);

  return {
    current: currentMetrics,
    previous: previousMetrics,
    dots,
    severityByPeriod,
    factors,
    categories,
    actions: {
      open: actions.filter((a) => isOpen(a.status)).length,
      overdue: actions.filter((a) => isOpen(a.status) && a.dueDate !== null && a.dueDate < today).length,
      completionRate: countable.length ? countable.filter((a) => a.status === 'done').length / countable.length : null,
      createdInPeriod: created.length,
      medianTimeToCloseSeconds: median === null ? null : toSeconds(median),
      completedInPeriod: completed.length,
      preventOrDetectShare: resolved.length ? resolved.filter((i) => guarded.has(i.id)).length / resolved.length : null,
      resolvedIncidents: resolved.length,
    },
  };
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
