/**
 * Test fixtures for the teams integration tests: users, teams and memberships written straight
 * to the database, and hand-built actors (no session, no request).
 */
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { Actor, Role } from './access';

export interface TestMember {
  userId: string;
  membershipId: string;
  actor: Actor;
}

export interface TestTeam {
  id: string;
  slug: string;
  /** Adds a new user to the team with `role` and returns its actor. */
  add(role: Role, name?: string): Promise<TestMember>;
}

const suffix = () => randomBytes(4).toString('hex');

export async function createTestUser(name = 'Test user'): Promise<string> {
  const user = await db.user.create({ data: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${suffix()}@example.test` }, select: { id: true } });
  return user.id;
}

export async function createTestTeam(name = 'Test team'): Promise<TestTeam> {
  const slug = `team-${suffix()}`;
  const team = await db.team.create({ data: { name, slug }, select: { id: true } });
  return {
    id: team.id,
    slug,
    async add(role, userName = `${role} ${suffix()}`) {
      const userId = await createTestUser(userName);
      const membership = await db.membership.create({ data: { teamId: team.id, userId, role }, select: { id: true } });
      return { userId, membershipId: membership.id, actor: { userId, tokenId: null, teamId: team.id, teamSlug: slug, role } };
    },
  };
}

/** How many audit rows a team has, optionally for one action. */
export function auditCount(teamId: string, action?: string): Promise<number> {
  return db.auditLog.count({ where: { teamId, ...(action ? { action } : {}) } });
}

/** The AppError code a promise rejects with (or 'RESOLVED'), for compact assertions. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'RESOLVED';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : error instanceof Error ? error.name : 'UNKNOWN';
  }
}
