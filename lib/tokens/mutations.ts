import 'server-only';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write';
import { notFound } from '@/lib/errors';
import { authorize, requireUserActor, type Actor, type Role } from '@/lib/teams/access';
import { displayPrefix, generateToken } from './mint';
import { createTokenSchema, revokeTokenSchema } from './schemas';

export interface CreatedToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  /** The secret: returned once, never stored, never audited. */
  token: string;
}

/**
 * An admin creates a team API token of any role. Only the token's sha256 is stored; the caller
 * shows `token` once. Tokens cannot mint tokens: a leaked token must not be able to outlive
 * its own revocation.
 */
export async function createToken(actor: Actor, input: unknown): Promise<CreatedToken> {
  authorize(actor, 'admin', 'create API tokens');
  const userId = requireUserActor(actor);
  const data = createTokenSchema.parse(input);
  const minted = generateToken();
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { teamId: actor.teamId, name: data.name, role: data.role, tokenHash: minted.hash, prefix: minted.prefix, createdById: userId },
      select: { id: true, name: true, role: true, prefix: true },
    });
    await writeAudit(tx, {
      teamId: actor.teamId,
      actorId: userId,
      action: 'token.create',
      entity: 'api_token',
      entityId: row.id,
      after: { name: row.name, role: row.role, prefix: displayPrefix(row.prefix) },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return { ...row, token: minted.token };
  });
}

/**
 * An admin revokes one of the team's tokens; it is refused from its next request on. Revoking
 * an already revoked token changes nothing (and is not audited twice).
 */
export async function revokeToken(actor: Actor, input: unknown): Promise<{ alreadyRevoked: boolean }> {
  authorize(actor, 'admin', 'revoke API tokens');
  const userId = requireUserActor(actor);
  const { id } = revokeTokenSchema.parse(input);
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id, teamId: actor.teamId }, select: { id: true, name: true, role: true, prefix: true, revokedAt: true } });
    if (!token) throw notFound('That API token does not exist on this team.');
    if (token.revokedAt) return { alreadyRevoked: true };
    const revokedAt = new Date();
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) return { alreadyRevoked: true };
    await writeAudit(tx, {
      teamId: actor.teamId,
      actorId: userId,
      action: 'token.revoke',
      entity: 'api_token',
      entityId: id,
      before: { name: token.name, role: token.role, prefix: displayPrefix(token.prefix), revokedAt: null },
      after: { revokedAt: revokedAt.toISOString() },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return { alreadyRevoked: false };
  });
}
