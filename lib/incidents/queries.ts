import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { IncidentKind, IncidentStatus, PostmortemStatus, Severity, Visibility } from '@/lib/generated/prisma/enums';
import { authorize, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { encodeCursor, isCursorSort, type CursorSort, type IncidentCursor } from './cursor';
import { DEFAULT_PAGE_SIZE, effectiveSort, incidentFiltersSchema, type IncidentFilters, type IncidentFiltersInput, type IncidentSort } from './schemas';
import { searchIncidentRanks } from './search';
import { isDay, isValidTimeZone, resolveBound } from './zoned-day';

export interface IncidentListItem {
  id: string;
  number: number;
  title: string;
  kind: IncidentKind;
  severity: Severity;
  status: IncidentStatus;
  postmortemStatus: PostmortemStatus;
  visibility: Visibility;
  startedAt: Date;
  resolvedAt: Date | null;
  services: string[];
}

export interface IncidentList {
  items: IncidentListItem[];
  /** Incidents matching the filters that this actor may see (restricted ones they may not see are never counted). */
  total: number;
  page: number;
  pageSize: number;
  /** The order applied: the requested one, or relevance while searching / newest first otherwise. */
  sort: IncidentSort;
  /** `cursor` when the request gave cursor or limit (then pageSize is the limit and page is 1). */
  mode: 'page' | 'cursor';
  /** Resumes right after the last item (newest/oldest-first orders only); null at the end. */
  nextCursor: string | null;
}

export interface ListOptions {
  /** The zone that day-only `from` / `to` values are days in (the viewer's); default the team's. */
  timeZone?: string;
}

const LIST_SELECT = {
  id: true,
  number: true,
  title: true,
  kind: true,
  severity: true,
  status: true,
  postmortemStatus: true,
  visibility: true,
  startedAt: true,
  resolvedAt: true,
  services: { select: { service: { select: { name: true } } } },
} satisfies Prisma.IncidentSelect;

type ListRow = Prisma.IncidentGetPayload<{ select: typeof LIST_SELECT }>;

const ORDER: Record<'started_desc' | 'started_asc' | 'severity', Prisma.IncidentOrderByWithRelationInput[]> = {
  started_desc: [{ startedAt: 'desc' }, { number: 'desc' }],
  started_asc: [{ startedAt: 'asc' }, { number: 'asc' }],
  // SEV1 first (the enum's declared order), newest first within a severity.
  severity: [{ severity: 'asc' }, { startedAt: 'desc' }, { number: 'desc' }],
};

/** Incidents strictly after `c` in its order (startedAt, then number as the tie-break). */
function afterCursor(c: IncidentCursor): Prisma.IncidentWhereInput {
  const op = c.sort === 'started_desc' ? 'lt' : 'gt';
  return { OR: [{ startedAt: { [op]: c.startedAt } }, { startedAt: c.startedAt, number: { [op]: c.number } }] };
}

const cursorAfter = (sort: CursorSort, last: IncidentListItem | undefined) => (last ? encodeCursor({ sort, startedAt: last.startedAt, number: last.number, id: last.id }) : null);

function toItem({ services, ...row }: ListRow): IncidentListItem {
  return { ...row, services: services.map((s) => s.service.name).sort((a, b) => a.localeCompare(b)) };
}

async function boundsZone(actor: Actor, f: IncidentFilters, options: ListOptions): Promise<string> {
  if (isValidTimeZone(options.timeZone)) return options.timeZone;
  if (!(f.from && isDay(f.from)) && !(f.to && isDay(f.to))) return 'UTC';
  const team = await db.team.findUnique({ where: { id: actor.teamId }, select: { timeZone: true } });
  return isValidTimeZone(team?.timeZone) ? team.timeZone : 'UTC';
}

async function filterWhere(actor: Actor, f: IncidentFilters, options: ListOptions): Promise<Prisma.IncidentWhereInput[]> {
  const and: Prisma.IncidentWhereInput[] = [];
  if (f.status) and.push({ status: { in: f.status } });
  if (f.severity) and.push({ severity: { in: f.severity } });
  if (f.kind) and.push({ kind: f.kind });
  if (f.service) and.push({ services: { some: { service: { name: f.service } } } });
  if (f.from || f.to) {
    const zone = await boundsZone(actor, f, options);
    if (f.from) and.push({ startedAt: resolveBound(f.from, zone, 'from') });
    if (f.to) and.push({ startedAt: resolveBound(f.to, zone, 'to') });
  }
  return and;
}

const ttrOf = (r: { startedAt: Date; resolvedAt: Date | null }) => (r.resolvedAt ? r.resolvedAt.getTime() - r.startedAt.getTime() : null);

/** Relevance (best first) or TTR (longest first, unresolved last); ties newest first. */
function computedOrder(sort: 'relevance' | 'ttr', ranks: Map<string, number> | null) {
  type Key = { id: string; number: number; startedAt: Date; resolvedAt: Date | null };
  const newest = (a: Key, b: Key) => b.startedAt.getTime() - a.startedAt.getTime() || b.number - a.number;
  if (sort === 'relevance') return (a: Key, b: Key) => (ranks?.get(b.id) ?? 0) - (ranks?.get(a.id) ?? 0) || newest(a, b);
  return (a: Key, b: Key) => {
    const ta = ttrOf(a);
    const tb = ttrOf(b);
    if (ta === null || tb === null) return ta === tb ? newest(a, b) : ta === null ? 1 : -1;
    return tb - ta || newest(a, b);
  };
}

/**
 * One page of the team's incidents that `actor` may see, filtered, searched and sorted. Every
 * query starts from visibleIncidentsWhere(actor): restricted incidents the actor is not named
 * on never appear in the items, the search results or the total.
 */
export async function listIncidents(actor: Actor, input: IncidentFiltersInput, options: ListOptions = {}): Promise<IncidentList> {
  authorize(actor, 'viewer', 'see incidents');
  const f = incidentFiltersSchema.parse(input);
  const and: Prisma.IncidentWhereInput[] = [visibleIncidentsWhere(actor), ...(await filterWhere(actor, f, options))];
  let ranks: Map<string, number> | null = null;
  if (f.q) {
    ranks = await searchIncidentRanks(actor.teamId, f.q);
    and.push({ id: { in: [...ranks.keys()] } });
  }
  const where: Prisma.IncidentWhereInput = { AND: and };
  const sort = effectiveSort(f);
  if ((f.cursor || f.limit !== undefined) && isCursorSort(sort)) return listAfterCursor(where, f, sort);
  const skip = (f.page - 1) * f.pageSize;
  const page = { page: f.page, pageSize: f.pageSize, sort, mode: 'page' as const };

  if (sort !== 'relevance' && sort !== 'ttr') {
    const [total, rows] = await db.$transaction([
      db.incident.count({ where }),
      db.incident.findMany({ where, orderBy: ORDER[sort], skip, take: f.pageSize, select: LIST_SELECT }),
    ]);
    const items = rows.map(toItem);
    const more = skip + items.length < total;
    return { items, total, ...page, nextCursor: more && isCursorSort(sort) ? cursorAfter(sort, items.at(-1)) : null };
  }

  // Orders Prisma cannot express (a rank from the search, a difference of two columns): sort
  // the matching keys, then load the one page.
  const keys = await db.incident.findMany({ where, select: { id: true, number: true, startedAt: true, resolvedAt: true } });
  const ids = keys.sort(computedOrder(sort, ranks)).slice(skip, skip + f.pageSize).map((k) => k.id);
  const rows = ids.length ? await db.incident.findMany({ where: { AND: [visibleIncidentsWhere(actor), { id: { in: ids } }] }, select: LIST_SELECT }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toItem(row)] : [];
  });
  return { items, total: keys.length, ...page, nextCursor: null };
}

/** Keyset pagination: `limit` items after the cursor (one more is read to know whether the end is reached). */
async function listAfterCursor(where: Prisma.IncidentWhereInput, f: IncidentFilters, sort: CursorSort): Promise<IncidentList> {
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  const after: Prisma.IncidentWhereInput = f.cursor ? { AND: [where, afterCursor(f.cursor)] } : where;
  const [total, rows] = await db.$transaction([
    db.incident.count({ where }),
    db.incident.findMany({ where: after, orderBy: ORDER[sort], take: limit + 1, select: LIST_SELECT }),
  ]);
  const items = rows.slice(0, limit).map(toItem);
  return { items, total, page: 1, pageSize: limit, sort, mode: 'cursor', nextCursor: rows.length > limit ? cursorAfter(sort, items.at(-1)) : null };
}

/** How many incidents of the team the actor may see at all (tells "none yet" from "none match"). */
export async function countVisibleIncidents(actor: Actor): Promise<number> {
  authorize(actor, 'viewer', 'see incidents');
  return db.incident.count({ where: visibleIncidentsWhere(actor) });
}

/** The team's services, by name, for the service filter. */
export async function listServiceNames(actor: Actor): Promise<string[]> {
  authorize(actor, 'viewer', 'see services');
  const services = await db.service.findMany({ where: { teamId: actor.teamId }, select: { name: true }, orderBy: { name: 'asc' } });
  return services.map((s) => s.name);
}

/** The list as the public API returns it: ISO-8601 UTC timestamps, no internal fields beyond the id. */
export function toApiIncidentList(list: IncidentList) {
  const items = list.items.map((i) => ({ ...i, startedAt: i.startedAt.toISOString(), resolvedAt: i.resolvedAt?.toISOString() ?? null }));
  if (list.mode === 'cursor') return { items, total: list.total, limit: list.pageSize, nextCursor: list.nextCursor };
  return { items, total: list.total, page: list.page, pageSize: list.pageSize, nextCursor: list.nextCursor };
}
