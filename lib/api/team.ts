import 'server-only';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { authorize, type Actor, type Role } from '@/lib/teams/access';
import { listMembers } from '@/lib/teams/members';

/**
 * Read models of the public API (`/api/v1`). They take the actor like every domain query and
 * return plain JSON-ready objects: the API's shape is a contract, kept apart from the UI's
 * (no internal ids or versions unless an endpoint needs them).
 */

export interface ApiTeam {
  slug: string;
  name: string;
  timeZone: string;
}

export interface ApiMember {
  name: string;
  email: string;
  role: Role;
}

export async function getApiTeam(actor: Actor): Promise<ApiTeam> {
  authorize(actor, 'viewer', 'read this team');
  const team = await db.team.findUnique({ where: { id: actor.teamId }, select: { slug: true, name: true, timeZone: true } });
  if (!team) throw notFound('Team not found');
  return team;
}

export async function listApiMembers(actor: Actor): Promise<ApiMember[]> {
  return (await listMembers(actor)).map(({ name, email, role }) => ({ name, email, role }));
}
