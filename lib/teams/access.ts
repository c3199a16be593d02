import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';
import { AppError, forbidden, notFound } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { teamSlugKeySchema } from './schemas';

export type { Role };

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/**
 * Who is acting, on which team, with which role. Every domain function takes one and checks it.
 * `userId` is null for API tokens (then `tokenId` is set).
 */
export interface Actor {
  userId: string | null;
  tokenId: string | null;
  teamId: string;
  teamSlug: string;
  role: Role;
  ip?: string;
  requestId?: string;
}

export interface TeamSummary {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

/** The team a user is a member of, by slug, with their current role (read fresh every request). */
export const findMembership = cache(async (userId: string, slug: string): Promise<{ team: TeamSummary; role: Role } | null> => {
  if (!teamSlugKeySchema.safeParse(slug).success) return null;
  const membership = await db.membership.findFirst({
    where: { userId, team: { slug } },
    select: { role: true, team: { select: { id: true, slug: true, name: true, timeZone: true } } },
  });
  return membership;
});

/** The actor for a signed-in user on a team. Non-members get NOT_FOUND: a team's existence is not disclosed. */
export async function userActor(userId: string, slug: string, extra: { ip?: string; requestId?: string } = {}): Promise<Actor & { team: TeamSummary }> {
  const membership = await findMembership(userId, slug);
  if (!membership) throw notFound('Team not found');
  return { userId, tokenId: null, teamId: membership.team.id, teamSlug: membership.team.slug, role: membership.role, team: membership.team, ...extra };
}

/** Throws FORBIDDEN unless the actor's role is at least `needed`. */
export function authorize(actor: Actor, needed: Role, what = 'do this'): void {
  if (!roleAtLeast(actor.role, needed)) throw forbidden(`Your role (${actor.role}) cannot ${what}; it needs ${needed} or above.`);
}

export function requireUserActor(actor: Actor): string {
  if (!actor.userId) throw new AppError('FORBIDDEN', 'This needs a signed-in user, not an API token.');
  return actor.userId;
}

/**
 * The Prisma filter for incidents this actor may see: admins see all of the team's incidents;
 * others see team-visible ones and restricted ones that name them. Every incident query uses it.
 */
export function visibleIncidentsWhere(actor: Actor) {
  if (actor.role === 'admin') return { teamId: actor.teamId };
  if (!actor.userId) return { teamId: actor.teamId, visibility: 'team' as const };
  return { teamId: actor.teamId, OR: [{ visibility: 'team' as const }, { members: { some: { userId: actor.userId } } }] };
}

/**
 * visibleIncidentsWhere as a SQL condition on the incident alias `i`, for raw aggregation queries
 * (lib/metric-queries). Must say exactly what visibleIncidentsWhere says; the metrics integration
 * test compares the two paths for a non-admin actor with restricted incidents.
 */
export function visibleIncidentsSql(actor: Actor): Prisma.Sql {
  const team = Prisma.sql`i."teamId" = ${actor.teamId}::uuid`;
  if (actor.role === 'admin') return team;
  if (!actor.userId) return Prisma.sql`${team} AND i."visibility" = 'team'`;
  return Prisma.sql`${team} AND (i."visibility" = 'team' OR EXISTS (SELECT 1 FROM "IncidentMember" m WHERE m."incidentId" = i."id" AND m."userId" = ${actor.userId}::uuid))`;
}
