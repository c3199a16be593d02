import 'server-only';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write';

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/**
 * Finds or creates the Hindsight user of an OAuth/OIDC identity. An existing account is linked
 * only when the provider vouches for the email, so nobody takes over an account by registering
 * its address with a provider that does not verify emails. Returns null to refuse the sign-in.
 */
export async function resolveOAuthUser(identity: OAuthIdentity): Promise<{ id: string; sessionVersion: number } | null> {
  const linked = await db.oAuthAccount.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    select: { user: { select: { id: true, sessionVersion: true, disabledAt: true } } },
  });
  if (linked) return linked.user.disabledAt ? null : linked.user;
  if (!identity.email) return null;
  const email = identity.email.trim().toLowerCase();

  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, sessionVersion: true, disabledAt: true } });
    if (existing && (!identity.emailVerified || existing.disabledAt)) return null;
    const user =
      existing ??
      (await tx.user.create({ data: { email, name: identity.name?.trim() || email.split('@')[0]! }, select: { id: true, sessionVersion: true } }));
    await tx.oAuthAccount.create({ data: { userId: user.id, provider: identity.provider, providerAccountId: identity.providerAccountId } });
    await writeAudit(tx, { action: existing ? 'auth.oauth_linked' : 'auth.sign_up', entity: 'user', entityId: user.id, actorId: user.id, after: { provider: identity.provider } });
    return { id: user.id, sessionVersion: user.sessionVersion };
  });
}
