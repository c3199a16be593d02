import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { visibleIncidentsWhere } from '@/lib/teams/access';
import type { ActionView } from './schemas';
import { ACTION_SELECT, toActionView } from './view';

export const MY_ACTIONS_PAGE_SIZE = 50;

export interface MyActions {
  items: ActionView[];
  total: number;
  page: number;
  pages: number;
  /** The teams the user belongs to (for the team filter), by name. */
  teams: { slug: string; name: string }[];
  /** The team filter applied (null: all teams). */
  team: string | null;
}

/**
 * The signed-in user's own actions across all their teams: open and in progress first (the
 * status enum's order), soonest due first. Each team's part goes through that team's
 * visibility rule with the user's role there, so a restricted incident never leaks.
 */
export async function listMyActions(userId: string, options: { team?: string | null; page?: number; includeClosed?: boolean } = {}): Promise<MyActions> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { role: true, team: { select: { id: true, slug: true, name: true } } }, orderBy: { team: { name: 'asc' } } });
  const teams = memberships.map((m) => ({ slug: m.team.slug, name: m.team.name }));
  const chosen = options.team && teams.some((t) => t.slug === options.team) ? options.team : null;
  const scopes = memberships
    .filter((m) => !chosen || m.team.slug === chosen)
    .map((m): Prisma.ActionItemWhereInput => ({ teamId: m.team.id, incident: visibleIncidentsWhere({ userId, tokenId: null, teamId: m.team.id, teamSlug: m.team.slug, role: m.role }) }));
  const page = Math.max(1, Math.floor(options.page ?? 1));
  if (!scopes.length) return { items: [], total: 0, page: 1, pages: 1, teams, team: chosen };
  const where: Prisma.ActionItemWhereInput = { ownerId: userId, OR: scopes, ...(options.includeClosed ? {} : { status: { in: ['open', 'in_progress'] } }) };
  const [total, rows] = await db.$transaction([
    db.actionItem.count({ where }),
    db.actionItem.findMany({
      where,
      orderBy: [{ status: 'asc' }, { dueDate: { sort: 'asc', nulls: 'last' } }, { priority: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * MY_ACTIONS_PAGE_SIZE,
      take: MY_ACTIONS_PAGE_SIZE,
      select: ACTION_SELECT,
    }),
  ]);
  const now = new Date();
  return { items: rows.map((r) => toActionView(r, now)), total, page, pages: Math.max(1, Math.ceil(total / MY_ACTIONS_PAGE_SIZE)), teams, team: chosen };
}
