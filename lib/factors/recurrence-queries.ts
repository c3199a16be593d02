import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { visibleIncidentsSql, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { findRecurrences, groupByFactor, RECURRENCE_WINDOW_DAYS, recurrencesOf, type Recurrence, type RecurrenceAction } from './recurrence';

// Recurrence reads only incidents the actor may see (visibleIncidentsWhere): a restricted
// incident never shows up as "recurred in #M" for someone who cannot open it.

export interface RecurrenceView extends Omit<Recurrence, 'earlierActions'> {
  factorName: string;
  earlierActions: (RecurrenceAction & { owner: string | null; dueDate: Date | null })[];
}

/** `startedSince`: only incidents that started then or later, on both sides of a recurrence. */
async function loadRecurrences(actor: Actor, factorIds?: string[], options: { closestOnly?: boolean; startedSince?: Date } = {}): Promise<RecurrenceView[]> {
  const visible = { ...visibleIncidentsWhere(actor), kind: 'incident' as const, ...(options.startedSince ? { startedAt: { gte: options.startedSince } } : {}) };
  const factorFilter = factorIds ? { id: { in: factorIds } } : {};
  const links = await db.incidentFactor.findMany({
    where: { incident: visible, factor: { teamId: actor.teamId, ...factorFilter } },
    select: { factorId: true, factor: { select: { name: true } }, incident: { select: { id: true, number: true, title: true, kind: true, startedAt: true } } },
  });
  if (links.length < 2) return [];
  const actions = await db.actionItem.findMany({
    where: { teamId: actor.teamId, incident: visible, factorId: { in: [...new Set(links.map((l) => l.factorId))] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, incidentId: true, factorId: true, title: true, status: true, dueDate: true, owner: { select: { name: true, email: true } } },
  });
  const names = new Map(links.map((l) => [l.factorId, l.factor.name]));
  const extra = new Map(actions.map((a) => [a.id, { owner: a.owner ? a.owner.name || a.owner.email : null, dueDate: a.dueDate }]));
  return findRecurrences(links, actions.map(({ owner: _owner, dueDate: _due, ...a }) => a), undefined, options).map((r) => ({
    ...r,
    factorName: names.get(r.factorId) ?? '',
    earlierActions: r.earlierActions.map((a) => ({ ...a, owner: extra.get(a.id)?.owner ?? null, dueDate: extra.get(a.id)?.dueDate ?? null })),
  }));
}

/** The recurrences an incident takes part in: factors seen in earlier incidents, and later incidents that repeated its factors. */
export async function incidentRecurrence(actor: Actor, incidentId: string): Promise<{ earlier: RecurrenceView[]; later: RecurrenceView[] }> {
  const own = await db.incidentFactor.findMany({
    where: { incidentId, incident: visibleIncidentsWhere(actor) },
    select: { factorId: true },
  });
  if (own.length === 0) return { earlier: [], later: [] };
  const all = await loadRecurrences(actor, own.map((l) => l.factorId));
  return recurrencesOf(incidentId, all);
}

export interface RecurringFactor {
  factorId: string;
  factorName: string;
  notPrevented: boolean;
  recurrences: RecurrenceView[];
}

/**
 * Every factor of the team that recurred within the window, the ones whose remediation did not
 * prevent it first; each recurrence is paired with the closest earlier incident (a chain, not
 * every pair). `factorIds` limits it to those factors; `startedSince` to incidents that started
 * then or later (a recurrence whose later incident started at T needs nothing older than T minus
 * the window, so the review agenda reads a window of the history instead of all of it).
 */
export async function listRecurringFactors(actor: Actor, options: { factorIds?: string[]; startedSince?: Date } = {}): Promise<RecurringFactor[]> {
  if (options.factorIds?.length === 0) return [];
  const groups = groupByFactor(await loadRecurrences(actor, options.factorIds, { closestOnly: true, startedSince: options.startedSince }));
  return groups
    .map((g) => ({ factorId: g.factorId, factorName: g.recurrences[0]?.factorName ?? '', notPrevented: g.notPrevented, recurrences: g.recurrences }))
    .sort((a, b) => Number(b.notPrevented) - Number(a.notPrevented) || b.recurrences.length - a.recurrences.length || a.factorName.localeCompare(b.factorName));
}

/**
 * The factors with a recurrence whose later incident started in [from, to): what
 * listRecurringFactors(actor, { startedSince: from - window }) lists with a recurrence in that
 * period, found by PostgreSQL without reading the links (for counts). The same rules as
 * withinWindow: visible real incidents only, the earlier one started before the later one and at
 * most the window before it (the boundary counts; the window is in hours, not calendar days, so a
 * clock change does not move it).
 */
export async function recurringFactorIdsIn(actor: Actor, from: Date, to: Date): Promise<Set<string>> {
  const window = Prisma.raw(`interval '${RECURRENCE_WINDOW_DAYS * 24} hours'`);
  const rows = await db.$queryRaw<{ factorId: string }[]>`
    WITH seen AS (
      SELECT x."factorId", i."startedAt"
        FROM "IncidentFactor" x
        JOIN "Incident" i ON i."id" = x."incidentId"
        JOIN "ContributingFactor" f ON f."id" = x."factorId" AND f."teamId" = ${actor.teamId}::uuid
       WHERE ${visibleIncidentsSql(actor)} AND i."kind" = 'incident'
         AND i."startedAt" >= ${from}::timestamptz - ${window} AND i."startedAt" < ${to})
    SELECT DISTINCT b."factorId"::text AS "factorId"
      FROM seen b
     WHERE b."startedAt" >= ${from}
       AND EXISTS (SELECT 1 FROM seen a WHERE a."factorId" = b."factorId" AND a."startedAt" < b."startedAt" AND a."startedAt" >= b."startedAt" - ${window})`;
  return new Set(rows.map((r) => r.factorId));
}
