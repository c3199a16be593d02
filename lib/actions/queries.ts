import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { notFound } from '@/lib/errors';
import { authorize, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { decodeActionCursor, encodeActionCursor } from './cursor';
import { actionFiltersSchema, type ActionFilters, type ActionSort, type ActionView, type ApiActionQuery, DEFAULT_ACTION_PAGE_SIZE } from './schemas';
import { ACTION_SELECT, toActionView } from './view';
import { actionFilterWhere, overdueWhere, teamZone, visibleActionsWhere } from './where';
import { AppError } from '@/lib/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ORDER: Record<ActionSort, Prisma.ActionItemOrderByWithRelationInput[]> = {
  due: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { priority: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  priority: [{ priority: 'asc' }, { dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
  created: [{ createdAt: 'desc' }, { id: 'desc' }],
  updated: [{ updatedAt: 'desc' }, { id: 'desc' }],
};

export interface ActionProgress {
  total: number;
  done: number;
  wontDo: number;
  active: number;
  overdue: number;
}

/** Counts for an incident's actions: done / total (won't-do counted apart), and how many are overdue. */
export async function incidentActionProgress(actor: Actor, incidentId: string): Promise<ActionProgress> {
  authorize(actor, 'viewer', 'see action items');
  const where = { ...visibleActionsWhere(actor), incidentId };
  const zone = await teamZone(actor.teamId);
  const [groups, overdue] = await Promise.all([
    db.actionItem.groupBy({ by: ['status'], where, _count: { _all: true } }),
    db.actionItem.count({ where: { AND: [where, overdueWhere(zone)] } }),
  ]);
  const count = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
  const total = groups.reduce((sum, g) => sum + g._count._all, 0);
  return { total, done: count('done'), wontDo: count('wont_do'), active: count('open') + count('in_progress'), overdue };
}

/** Every action of one incident the actor may see, soonest due first. */
export async function listIncidentActions(actor: Actor, incidentId: string): Promise<ActionView[]> {
  authorize(actor, 'viewer', 'see action items');
  const rows = await db.actionItem.findMany({ where: { ...visibleActionsWhere(actor), incidentId }, orderBy: ORDER.due, select: ACTION_SELECT, take: 500 });
  const now = new Date();
  return rows.map((r) => toActionView(r, now));
}

export interface ActionList {
  items: ActionView[];
  total: number;
  page: number;
  pageSize: number;
  sort: ActionSort;
}

/** One page of the team's action board. */
export async function listActions(actor: Actor, input: Partial<ActionFilters> | Record<string, string | string[] | undefined>): Promise<ActionList> {
  authorize(actor, 'viewer', 'see action items');
  const f = actionFiltersSchema.parse(input);
  const where = actionFilterWhere(actor, f, await teamZone(actor.teamId));
  const sort = f.sort ?? 'due';
  const [total, rows] = await db.$transaction([
    db.actionItem.count({ where }),
    db.actionItem.findMany({ where, orderBy: ORDER[sort], skip: (f.page - 1) * f.pageSize, take: f.pageSize, select: ACTION_SELECT }),
  ]);
  const now = new Date();
  return { items: rows.map((r) => toActionView(r, now)), total, page: f.page, pageSize: f.pageSize, sort };
}

/** Upper bound of one CSV export (the board's filters narrow it). */
export const MAX_EXPORT_ROWS = 10_000;

/** Every action matching the board's filters (all pages), for the CSV export. */
export async function exportActions(actor: Actor, input: Partial<ActionFilters>): Promise<ActionView[]> {
  authorize(actor, 'viewer', 'export action items');
  const f = actionFiltersSchema.parse(input);
  const rows = await db.actionItem.findMany({ where: actionFilterWhere(actor, f, await teamZone(actor.teamId)), orderBy: ORDER[f.sort ?? 'due'], take: MAX_EXPORT_ROWS, select: ACTION_SELECT });
  const now = new Date();
  return rows.map((r) => toActionView(r, now));
}

/** GET /api/v1/actions: newest first, `limit` after the cursor; nextCursor null at the end. */
export async function listApiActions(actor: Actor, q: ApiActionQuery): Promise<{ items: ActionView[]; total: number; limit: number; nextCursor: string | null }> {
  authorize(actor, 'viewer', 'see action items');
  const limit = q.limit ?? DEFAULT_ACTION_PAGE_SIZE;
  const where = actionFilterWhere(actor, q, await teamZone(actor.teamId));
  let after: Prisma.ActionItemWhereInput = where;
  if (q.cursor) {
    const c = decodeActionCursor(q.cursor);
    if (!c) throw new AppError('VALIDATION', 'cursor is not one this API returned; start again without it.', { fields: [{ path: ['cursor'], message: 'cursor is not one this API returned; start again without it.' }] });
    after = { AND: [where, { OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] }] };
  }
  const [total, rows] = await db.$transaction([
    db.actionItem.count({ where }),
    db.actionItem.findMany({ where: after, orderBy: ORDER.created, take: limit + 1, select: ACTION_SELECT }),
  ]);
  const now = new Date();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((r) => toActionView(r, now)), total, limit, nextCursor: rows.length > limit && last ? encodeActionCursor({ createdAt: last.createdAt, id: last.id }) : null };
}

/** One action the actor may see (NOT_FOUND otherwise, also for restricted incidents). */
export async function getAction(actor: Actor, actionId: string): Promise<ActionView> {
  authorize(actor, 'viewer', 'see action items');
  if (!UUID.test(actionId)) throw notFound('Action not found');
  const row = await db.actionItem.findFirst({ where: { ...visibleActionsWhere(actor), id: actionId }, select: ACTION_SELECT });
  if (!row) throw notFound('Action not found');
  return toActionView(row);
}

export interface Option {
  value: string;
  label: string;
}

/** The choices of the action form: the team's members, its live factors, and (for one incident) its timeline. */
export async function actionFormOptions(actor: Actor, incidentId?: string): Promise<{ members: Option[]; factors: Option[]; events: Option[] }> {
  authorize(actor, 'viewer', 'see action items');
  const [members, factors, events] = await Promise.all([
    db.membership.findMany({ where: { teamId: actor.teamId }, select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: 'asc' } } }),
    db.contributingFactor.findMany({ where: { teamId: actor.teamId, archivedAt: null, mergedIntoId: null }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    incidentId
      ? db.timelineEvent.findMany({ where: { incidentId, incident: visibleIncidentsWhere(actor) }, select: { id: true, body: true, occurredAt: true }, orderBy: [{ occurredAt: 'asc' }, { createdAt: 'asc' }] })
      : Promise.resolve([]),
  ]);
  return {
    members: members.map((m) => ({ value: m.user.id, label: `${m.user.name} (${m.user.email})` })),
    factors: factors.map((f) => ({ value: f.id, label: f.name })),
    events: events.map((e) => ({ value: e.id, label: `${e.occurredAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${e.body.length > 80 ? `${e.body.slice(0, 79)}…` : e.body}` })),
  };
}

/** The incidents of the board's incident filter (visible ones, newest first). */
export async function incidentOptions(actor: Actor): Promise<Option[]> {
  authorize(actor, 'viewer', 'see incidents');
  const rows = await db.incident.findMany({ where: { ...visibleIncidentsWhere(actor), actionItems: { some: {} } }, select: { number: true, title: true }, orderBy: { number: 'desc' }, take: 200 });
  return rows.map((r) => ({ value: String(r.number), label: `INC-${r.number}: ${r.title}` }));
}
