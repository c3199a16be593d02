import 'server-only';
import { db } from '@/lib/db';
import { authorize, type Actor, type Role } from '@/lib/teams/access';

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  /** The creating admin's name; null when created with `npm run token` or the user is gone. */
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The team's API tokens for the settings page (admins only): active first, newest first. Never the hash. */
export async function listTokens(actor: Actor): Promise<TokenRow[]> {
  authorize(actor, 'admin', 'manage API tokens');
  const rows = await db.apiToken.findMany({
    where: { teamId: actor.teamId },
    select: { id: true, name: true, prefix: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
  });
  return rows.map(({ createdBy, ...row }) => ({ ...row, createdBy: createdBy?.name ?? null }));
}
