import 'server-only';
import { randomBytes } from 'node:crypto';
import { hashToken } from '@/lib/tokens/mint';
import { z } from 'zod';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write';
import { AppError, notFound } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { authorize, type Actor, type Role } from './access';
import { actorAudit } from './members';
import { roleSchema } from './schemas';

export const INVITE_USED_OR_EXPIRED = 'This invite link was already used or has expired. Ask a team admin for a new one.';
const DAY_MS = 24 * 60 * 60 * 1000;

export const createInviteSchema = z.object({
  role: roleSchema.default('viewer'),
  expiresInDays: z.coerce
    .number('Enter a number of days')
    .int('Enter a whole number of days')
    .min(1, 'An invite lasts at least 1 day')
    .max(30, 'An invite lasts at most 30 days')
    .default(7),
});
export type CreateInviteInput = z.input<typeof createInviteSchema>;

export const inviteIdSchema = z.object({ inviteId: z.uuid('Unknown invite') });

/** 32 random bytes, base64url: exactly 43 characters of [A-Za-z0-9_-]. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type InviteStatus = 'pending' | 'expired' | 'used';

export interface InviteRow {
  id: string;
  role: Role;
  status: InviteStatus;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  createdByName: string | null;
}

export interface CreatedInvite {
  id: string;
  role: Role;
  expiresAt: Date;
  /** The raw one-time token. Returned once, never stored: only its SHA-256 is kept. */
  token: string;
  /** Path of the accept page: `/invite/<token>`. */
  path: string;
}

export interface InvitePreview {
  teamName: string;
  teamSlug: string;
  role: Role;
  expiresAt: Date;
  status: InviteStatus;
  /** Set when a signed-in user was given: they are on the team already. */
  alreadyMember: boolean;
}

/** Invite links are stored like API tokens: only the sha256 of the secret. */
export const hashInviteToken = hashToken;

function statusOf(invite: { usedAt: Date | null; expiresAt: Date }, now: Date): InviteStatus {
  if (invite.usedAt) return 'used';
  return invite.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** The team's invites, newest first, with their state (admins only). */
export async function listInvites(actor: Actor): Promise<InviteRow[]> {
  authorize(actor, 'admin', 'see invites');
  const now = new Date();
  const rows = await db.invite.findMany({
    where: { teamId: actor.teamId },
    select: { id: true, role: true, createdAt: true, expiresAt: true, usedAt: true, createdBy: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
    take: 100,
  });
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    status: statusOf(r, now),
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    usedAt: r.usedAt,
    createdByName: r.createdBy?.name ?? null,
  }));
}

/** Creates a one-time invite link (admins only). The token is returned here and nowhere else. */
export async function createInvite(actor: Actor, input: CreateInviteInput): Promise<CreatedInvite> {
  authorize(actor, 'admin', 'invite people');
  const data = createInviteSchema.parse(input);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + data.expiresInDays * DAY_MS);
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.create({
      data: { teamId: actor.teamId, tokenHash: hashInviteToken(token), role: data.role, expiresAt, createdById: actor.userId },
      select: { id: true },
    });
    await writeAudit(tx, {
      ...actorAudit(actor),
      action: 'team.invite_create',
      entity: 'invite',
      entityId: invite.id,
      after: { role: data.role, expiresAt },
    });
    return { id: invite.id, role: data.role, expiresAt, token, path: `/invite/${token}` };
  });
}

/** Withdraws an invite that was not used yet (admins only); the link stops working at once. */
export async function revokeInvite(actor: Actor, inviteId: string): Promise<void> {
  authorize(actor, 'admin', 'revoke invites');
  const input = inviteIdSchema.parse({ inviteId });
  await db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({ where: { id: input.inviteId, teamId: actor.teamId }, select: { id: true, role: true, expiresAt: true, usedAt: true } });
    if (!invite) throw notFound('This invite does not exist (any more).');
    const deleted = await tx.invite.deleteMany({ where: { id: invite.id, usedAt: null } });
    if (deleted.count === 0) throw new AppError('CONFLICT', 'This invite was already used, so there is nothing to revoke.');
    await writeAudit(tx, {
      ...actorAudit(actor),
      action: 'team.invite_revoke',
      entity: 'invite',
      entityId: invite.id,
      before: { role: invite.role, expiresAt: invite.expiresAt },
    });
  });
}

/**
 * What an invite link leads to, for the accept page (no actor: the visitor may not be signed in
 * yet; the token itself is the credential). Null for a link that never existed or was revoked.
 */
export async function previewInvite(token: string, viewerUserId?: string): Promise<InvitePreview | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { role: true, expiresAt: true, usedAt: true, teamId: true, team: { select: { name: true, slug: true } } },
  });
  if (!invite) return null;
  const alreadyMember = viewerUserId
    ? (await db.membership.count({ where: { teamId: invite.teamId, userId: viewerUserId } })) > 0
    : false;
  return {
    teamName: invite.team.name,
    teamSlug: invite.team.slug,
    role: invite.role,
    expiresAt: invite.expiresAt,
    status: statusOf(invite, new Date()),
    alreadyMember,
  };
}

/**
 * Joins the invite's team with the invite's role. The invite is consumed atomically (a conditional
 * update that only one caller can win); someone who is already a member gets an error and the
 * invite stays usable for the person it was meant for.
 */
export async function acceptInvite(userId: string, token: string, meta: { ip?: string; requestId?: string } = {}): Promise<{ teamSlug: string }> {
  if (!TOKEN_PATTERN.test(token)) throw notFound('This invite link is not valid. Check that you copied all of it.');
  const tokenHash = hashInviteToken(token);
  try {
    return await db.$transaction(async (tx) => {
      const invite = await tx.invite.findUnique({ where: { tokenHash }, select: { id: true, teamId: true, role: true, team: { select: { slug: true, name: true } } } });
      if (!invite) throw notFound('This invite link is not valid (it may have been revoked). Ask a team admin for a new one.');
      const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId: invite.teamId, userId } }, select: { id: true } });
      if (existing) throw alreadyMember(invite.team.name);
      const now = new Date();
      const consumed = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (consumed.count === 0) throw new AppError('CONFLICT', INVITE_USED_OR_EXPIRED);
      const membership = await tx.membership.create({ data: { teamId: invite.teamId, userId, role: invite.role }, select: { id: true } });
      await writeAudit(tx, {
        teamId: invite.teamId,
        actorId: userId,
        action: 'team.member_join',
        entity: 'membership',
        entityId: membership.id,
        after: { userId, role: invite.role, inviteId: invite.id },
        ip: meta.ip,
        requestId: meta.requestId,
      });
      return { teamSlug: invite.team.slug };
    });
  } catch (error) {
    // Two accepts by the same person racing: the unique (teamId, userId) index decides, and the
    // loser's transaction (including its use of the invite) is rolled back.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw alreadyMember('this team');
    throw error;
  }
}

function alreadyMember(teamName: string): AppError {
  return new AppError('CONFLICT', `You are already a member of ${teamName}. The invite was not used, so it still works for someone else.`);
}
