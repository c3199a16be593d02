import 'server-only';
import { z } from 'zod';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';
import { db, type Tx } from '@/lib/db';
import { writeAudit, type AuditEntry } from '@/lib/audit/write';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { authorize, requireUserActor, type Actor, type Role } from './access';
import { roleSchema } from './schemas';

export interface MemberRow {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  version: number;
  joinedAt: Date;
}

/** What the role form posts; shared by the server action and changeRole. */
export const changeRoleSchema = z.object({
  membershipId: z.uuid('Unknown member'),
  role: roleSchema,
  version: z.coerce.number().int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE),
});

export const membershipIdSchema = z.object({ membershipId: z.uuid('Unknown member') });

const LAST_ADMIN = 'A team needs at least one admin. Make another member admin first.';

/** The audit fields that say who acted, from where (every member/invite change uses them). */
export function actorAudit(actor: Actor): Pick<AuditEntry, 'teamId' | 'actorId' | 'actorToken' | 'ip' | 'requestId'> {
  return { teamId: actor.teamId, actorId: actor.userId, actorToken: actor.tokenId, ip: actor.ip, requestId: actor.requestId };
}

/**
 * Locks the team's admin memberships (in id order, so concurrent callers cannot deadlock) and
 * returns their user ids. Every change that could remove an admin takes this lock first: a second
 * demotion waits, then re-reads the rows and sees the first one's result, so the team can never
 * end up with zero admins.
 */
async function lockAdmins(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership"
    WHERE "teamId" = ${teamId}::uuid AND "role" = 'admin'
    ORDER BY "id" FOR UPDATE`;
  return rows.map((r) => r.userId);
}

/**
 * Admin operations re-check the acting user's role under the lock: the role in `actor` was read at
 * the start of the request, and a concurrent change may have demoted them since.
 */
function assertStillAdmin(actor: Actor, admins: string[]): void {
  if (actor.userId && !admins.includes(actor.userId)) throw forbidden('You are no longer an admin of this team.');
}

const MEMBER_SELECT = { id: true, userId: true, role: true, version: true, user: { select: { name: true, email: true } } } as const;

interface MemberRecord {
  id: string;
  userId: string;
  role: Role;
  version: number;
  user: { name: string; email: string };
}

async function findMembership(tx: Tx, actor: Actor, membershipId: string): Promise<MemberRecord> {
  const membership = await tx.membership.findFirst({ where: { id: membershipId, teamId: actor.teamId }, select: MEMBER_SELECT });
  if (!membership) throw notFound('This person is not a member of the team (any more).');
  return membership;
}

/** What the audit log keeps of a membership (email too: it outlives a deleted user). */
function snapshot(member: MemberRecord, change: { role?: Role; version?: number } = {}) {
  return { userId: member.userId, email: member.user.email, role: change.role ?? member.role, version: change.version ?? member.version };
}

/** Every member of the actor's team. Any member may see who else is on the team. */
export async function listMembers(actor: Actor): Promise<MemberRow[]> {
  authorize(actor, 'viewer', 'see the members');
  const rows = await db.membership.findMany({
    where: { teamId: actor.teamId },
    select: { id: true, userId: true, role: true, version: true, createdAt: true, user: { select: { name: true, email: true } } },
    orderBy: [{ user: { name: 'asc' } }, { createdAt: 'asc' }],
  });
  return rows.map((r) => ({
    membershipId: r.id,
    userId: r.userId,
    name: r.user.name,
    email: r.user.email,
    role: r.role,
    version: r.version,
    joinedAt: r.createdAt,
  }));
}

/**
 * Gives a member another role. `version` is the membership version the admin saw; a stale one is
 * a CONFLICT. The last admin cannot be demoted. The new role applies from the member's next
 * request (roles are read from Membership on every request, never kept in the session).
 */
export async function changeRole(actor: Actor, membershipId: string, role: Role, version: number): Promise<{ version: number }> {
  authorize(actor, 'admin', 'change roles');
  const input = changeRoleSchema.parse({ membershipId, role, version });
  return db.$transaction(async (tx) => {
    const admins = await lockAdmins(tx, actor.teamId);
    assertStillAdmin(actor, admins);
    const member = await findMembership(tx, actor, input.membershipId);
    const current = { role: member.role, version: member.version };
    if (member.version !== input.version)
      throw conflict(`${member.user.name}'s role was changed by someone else since you loaded this page (it is now ${member.role}). Reload to see the current role.`, current);
    if (member.role === input.role) return { version: member.version };
    if (member.role === 'admin' && admins.length <= 1) throw new AppError('CONFLICT', LAST_ADMIN);
    const updated = await tx.membership.updateMany({
      where: { id: member.id, version: input.version },
      data: { role: input.role, version: { increment: 1 } },
    });
    if (updated.count === 0) throw conflict(`${member.user.name}'s role was changed by someone else at the same time. Reload to see the current role.`, current);
    await writeAudit(tx, {
      ...actorAudit(actor),
      action: 'team.role_change',
      entity: 'membership',
      entityId: member.id,
      before: snapshot(member),
      after: snapshot(member, { role: input.role, version: member.version + 1 }),
    });
    return { version: member.version + 1 };
  });
}

/** Removes a member from the team (admins only). The last admin cannot be removed. */
export async function removeMember(actor: Actor, membershipId: string): Promise<void> {
  authorize(actor, 'admin', 'remove members');
  const input = membershipIdSchema.parse({ membershipId });
  await db.$transaction(async (tx) => {
    const admins = await lockAdmins(tx, actor.teamId);
    assertStillAdmin(actor, admins);
    const member = await findMembership(tx, actor, input.membershipId);
    if (member.role === 'admin' && admins.length <= 1) throw new AppError('CONFLICT', LAST_ADMIN);
    await deleteMembership(tx, actor, member, 'team.member_remove');
  });
}

/** The acting user leaves the team. The last admin has to hand over first. */
export async function leaveTeam(actor: Actor): Promise<void> {
  const userId = requireUserActor(actor);
  await db.$transaction(async (tx) => {
    const admins = await lockAdmins(tx, actor.teamId);
    const member = await tx.membership.findUnique({ where: { teamId_userId: { teamId: actor.teamId, userId } }, select: MEMBER_SELECT });
    if (!member) throw notFound('You are not a member of this team.');
    if (member.role === 'admin' && admins.length <= 1) throw new AppError('CONFLICT', 'You are the last admin of this team. Make another member admin first.');
    await deleteMembership(tx, actor, member, 'team.member_leave');
  });
}

/**
 * Deletes a membership, with the person's named access to this team's restricted incidents (so
 * that rejoining later does not silently bring that access back), and audits it.
 */
async function deleteMembership(tx: Tx, actor: Actor, member: MemberRecord, action: 'team.member_remove' | 'team.member_leave'): Promise<void> {
  await tx.incidentMember.deleteMany({ where: { userId: member.userId, incident: { teamId: actor.teamId } } });
  await tx.membership.delete({ where: { id: member.id } });
  await writeAudit(tx, { ...actorAudit(actor), action, entity: 'membership', entityId: member.id, before: snapshot(member) });
}
