/**
 * Instance administration of user accounts (disable, enable, list), for `npm run user` until
 * there is an instance-admin UI. No 'server-only' and no app singleton: the CLI passes its own
 * client. Disabling takes effect on the user's next request: lib/auth/session.ts refuses sessions
 * of disabled users, and sign-in refuses them.
 */
import type { Db } from '@/lib/db';
import { emailSchema } from '@/lib/auth/schemas';

export interface UserListing {
  id: string;
  email: string;
  name: string;
  disabledAt: Date | null;
  createdAt: Date;
  teams: number;
}

/** What a disable/enable did: `changed`, `unchanged` (it already was so), or `not-found`. */
export type UserStatusChange =
  | { outcome: 'changed' | 'unchanged'; user: { id: string; email: string; name: string; disabledAt: Date | null } }
  | { outcome: 'not-found'; email: string };

export interface AdminContext {
  /** Where the change came from, kept in the audit row ("npm run user"). */
  via: string;
}

export class InvalidEmailError extends Error {
  override name = 'InvalidEmailError';
}

/** The email as accounts store it (trimmed, lower case), or InvalidEmailError. */
export function normalizeEmail(email: string): string {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw new InvalidEmailError(`"${email}" is not a valid email address`);
  return parsed.data;
}

const USER_SELECT = { id: true, email: true, name: true, disabledAt: true } as const;

/**
 * Sets or clears User.disabledAt with an audit row (no actor: an operator at a shell), in one
 * transaction. The conditional update makes two concurrent calls change and audit it only once.
 * Disabling also bumps sessionVersion, so a session survives neither the disable nor a later
 * enable (the user signs in again).
 */
async function setDisabled(db: Db, rawEmail: string, disable: boolean, context: AdminContext): Promise<UserStatusChange> {
  const email = normalizeEmail(rawEmail);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email }, select: USER_SELECT });
    if (!before) return { outcome: 'not-found', email };
    const disabledAt = disable ? new Date() : null;
    const updated = await tx.user.updateMany({
      where: { id: before.id, disabledAt: disable ? null : { not: null } },
      data: disable
        ? { disabledAt, sessionVersion: { increment: 1 }, version: { increment: 1 } }
        : { disabledAt, version: { increment: 1 } },
    });
    if (updated.count === 0) return { outcome: 'unchanged', user: before };
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: disable ? 'user.disable' : 'user.enable',
        entity: 'user',
        entityId: before.id,
        before: { email: before.email, disabledAt: before.disabledAt?.toISOString() ?? null },
        after: { email: before.email, disabledAt: disabledAt?.toISOString() ?? null, via: context.via },
      },
    });
    return { outcome: 'changed', user: { ...before, disabledAt } };
  });
}

/** Disables the account with this email: its sessions end on their next request, sign-in is refused. */
export function disableUser(db: Db, email: string, context: AdminContext): Promise<UserStatusChange> {
  return setDisabled(db, email, true, context);
}

/** Lets the account with this email sign in again (old sessions stay ended). */
export function enableUser(db: Db, email: string, context: AdminContext): Promise<UserStatusChange> {
  return setDisabled(db, email, false, context);
}

/** Every account, by email, with whether it is disabled and how many teams it is in. */
export async function listUsers(db: Db): Promise<UserListing[]> {
  const rows = await db.user.findMany({
    select: { ...USER_SELECT, createdAt: true, _count: { select: { memberships: true } } },
    orderBy: { email: 'asc' },
  });
  return rows.map(({ _count, ...user }) => ({ ...user, teams: _count.memberships }));
}
