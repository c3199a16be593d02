import 'server-only';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { DUPLICATE_THRESHOLD, nameSimilarity, rankByName } from './fuzzy';
import { monthlyCounts, windowStart, type MonthCount } from './monthly';
import { catalogQuerySchema, factorIdSchema, type FactorCategoryName, type FactorSummary, type IncidentFactorView } from './schemas';

// Every count and list below goes through visibleIncidentsWhere(actor): a restricted incident the
// actor may not see is never counted, listed or named. Viewers and above read everything here.

const OPEN_STATUSES = ['open', 'in_progress'] as const;

/** The team's factors with counts of visible incidents and open action items; fuzzy `q`, category, archived toggle. */
export async function listCatalog(actor: Actor, rawQuery: unknown = {}): Promise<FactorSummary[]> {
  const query = catalogQuerySchema.parse(rawQuery);
  const visible = visibleIncidentsWhere(actor);
  const rows = await db.contributingFactor.findMany({
    where: {
      teamId: actor.teamId,
      mergedIntoId: null,
      ...(query.includeArchived ? {} : { archivedAt: null }),
      ...(query.category ? { category: query.category } : {}),
    },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      category: true,
      description: true,
      archivedAt: true,
      version: true,
      _count: {
        select: {
          incidents: { where: { incident: visible } },
          actionItems: { where: { status: { in: [...OPEN_STATUSES] }, incident: visible } },
        },
      },
    },
  });
  const all: FactorSummary[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    category: r.category,
    description: r.description,
    archived: r.archivedAt !== null,
    version: r.version,
    incidentCount: r._count.incidents,
    openActionCount: r._count.actionItems,
  }));
  return query.q ? rankByName(query.q, all, all.length).map(({ score: _score, ...f }) => f) : all;
}

/** Suggestions for the link form: active factors whose name is like `q`, best first. */
export async function suggestFactors(actor: Actor, q: string, limit = 8): Promise<{ id: string; name: string; category: FactorCategoryName }[]> {
  const text = String(q ?? '').slice(0, 120);
  const rows = await db.contributingFactor.findMany({
    where: { teamId: actor.teamId, mergedIntoId: null, archivedAt: null },
    select: { id: true, name: true, category: true },
  });
  return rankByName(text, rows, limit).map(({ id, name, category }) => ({ id, name, category }));
}

/** Other active factors of the team (the merge form's survivor choices), likely duplicates of `name` first. */
export async function listMergeTargets(actor: Actor, exceptId: string, name: string): Promise<{ id: string; name: string; likelyDuplicate: boolean }[]> {
  const rows = await db.contributingFactor.findMany({
    where: { teamId: actor.teamId, mergedIntoId: null, archivedAt: null, id: { not: exceptId } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
  const scored = rows.map((r) => ({ ...r, likelyDuplicate: nameSimilarity(name, r.name) >= DUPLICATE_THRESHOLD }));
  return [...scored.filter((r) => r.likelyDuplicate), ...scored.filter((r) => !r.likelyDuplicate)];
}

/** The factors linked to one (visible) incident, oldest link first. */
export async function listIncidentFactors(actor: Actor, incidentId: string): Promise<IncidentFactorView[]> {
  const rows = await db.incidentFactor.findMany({
    where: { incidentId, incident: visibleIncidentsWhere(actor) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, incidentId: true, factorId: true, howItContributed: true, version: true, factor: { select: { name: true, category: true } } },
  });
  return rows.map(toLinkView);
}

export function toLinkView(row: { id: string; incidentId: string; factorId: string; howItContributed: string; version: number; factor: { name: string; category: FactorCategoryName } }): IncidentFactorView {
  return { id: row.id, incidentId: row.incidentId, factorId: row.factorId, factorName: row.factor.name, category: row.factor.category, howItContributed: row.howItContributed, version: row.version };
}

export interface FactorDetail {
  id: string;
  name: string;
  category: FactorCategoryName;
  description: string;
  archived: boolean;
  version: number;
  /** Set when this factor was merged: the page points there. */
  mergedInto: { id: string; name: string } | null;
  incidents: { number: number; title: string; severity: string; kind: string; startedAt: Date; howItContributed: string }[];
  actions: { id: string; title: string; status: string; dueDate: Date | null; owner: string | null; incidentNumber: number }[];
  months: MonthCount[];
}

/** One factor with the visible incidents it contributed to, its action items and occurrences per month. */
export async function getFactorDetail(actor: Actor, id: string, zone: string, now = new Date()): Promise<FactorDetail> {
  if (!factorIdSchema.safeParse(id).success) throw notFound('Factor not found');
  const visible = visibleIncidentsWhere(actor);
  const factor = await db.contributingFactor.findFirst({
    where: { id, teamId: actor.teamId },
    select: {
      id: true,
      name: true,
      category: true,
      description: true,
      archivedAt: true,
      version: true,
      mergedInto: { select: { id: true, name: true } },
      incidents: {
        where: { incident: visible },
        orderBy: { incident: { startedAt: 'desc' } },
        select: { howItContributed: true, incident: { select: { number: true, title: true, severity: true, kind: true, startedAt: true } } },
      },
      actionItems: {
        where: { incident: visible },
        orderBy: [{ status: 'asc' }, { dueDate: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, title: true, status: true, dueDate: true, owner: { select: { name: true, email: true } }, incident: { select: { number: true } } },
      },
    },
  });
  if (!factor) throw notFound('Factor not found');
  const incidents = factor.incidents.map((l) => ({ ...l.incident, howItContributed: l.howItContributed }));
  const since = windowStart(now, zone);
  return {
    id: factor.id,
    name: factor.name,
    category: factor.category,
    description: factor.description,
    archived: factor.archivedAt !== null,
    version: factor.version,
    mergedInto: factor.mergedInto,
    incidents,
    actions: factor.actionItems.map((a) => ({ id: a.id, title: a.title, status: a.status, dueDate: a.dueDate, owner: a.owner ? a.owner.name || a.owner.email : null, incidentNumber: a.incident.number })),
    // Drills rehearse failures on purpose: the chart counts real incidents, like recurrence does.
    months: monthlyCounts(incidents.filter((i) => i.kind === 'incident' && i.startedAt >= since).map((i) => i.startedAt), now, zone),
  };
}
