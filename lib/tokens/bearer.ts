import 'server-only';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write';
import { AppError } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { blockedFor, minutesText, recordFailure, TOKEN_AUTH_LIMIT } from '@/lib/limits/rate-limit';
import { log } from '@/lib/log';
import type { Actor } from '@/lib/teams/access';
import { hashToken, TOKEN_PATTERN } from './mint';

/** lastUsedAt and the 'token.use' audit row are written at most this often per token. */
export const USE_RECORD_INTERVAL_MS = 60_000;

/** Why a bearer request was refused with 401; `invalid_token` follows RFC 6750. */
export type BearerProblem = 'missing' | 'invalid_token';

export class BearerError extends AppError {
  constructor(readonly problem: BearerProblem, message: string) {
    super('UNAUTHENTICATED', message);
  }
}

export function rateLimitKey(ip: string): string {
  return `token-auth:${ip}`;
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization')?.trim();
  if (!header || !/^bearer(\s|$)/i.test(header)) return null;
  // Anything after the scheme that is not exactly one token is a failed attempt, not a missing one.
  return /^bearer[ ]+(\S+)$/i.exec(header)?.[1] ?? '';
}

function blockedError(seconds: number): AppError {
  return new AppError('RATE_LIMITED', `Too many failed API token attempts from your address. Try again in ${minutesText(seconds)}.`, { retryAfterSeconds: seconds });
}

/**
 * Counts a failed attempt against the client address. Successes never reset the count: the
 * limit is per address, and one good token must not launder guesses at others.
 */
async function refuse(ip: string, reason: string, requestId: string | undefined): Promise<never> {
  const blocked = await recordFailure(rateLimitKey(ip), TOKEN_AUTH_LIMIT);
  log('warn', 'API token authentication failed', { ip, reason, requestId });
  if (blocked > 0) throw blockedError(blocked);
  throw new BearerError('invalid_token', 'The API token is invalid or has been revoked.');
}

/**
 * Authenticates `Authorization: Bearer <token>` and returns the token's actor. Refuses with
 * UNAUTHENTICATED (401) when the token is missing, malformed, unknown or revoked, and with
 * RATE_LIMITED (429) while the address is blocked, even for a valid token.
 */
export async function authenticateBearer(request: Request, requestId?: string): Promise<Actor> {
  const token = bearerToken(request);
  if (token === null) throw new BearerError('missing', 'Send an API token: Authorization: Bearer <token>.');
  const ip = clientIp(request.headers);

  const blocked = await blockedFor(rateLimitKey(ip));
  if (blocked > 0) throw blockedError(blocked);

  if (!TOKEN_PATTERN.test(token)) return refuse(ip, 'malformed', requestId);
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, teamId: true, role: true, revokedAt: true, team: { select: { slug: true } } },
  });
  if (!row) return refuse(ip, 'unknown', requestId);
  if (row.revokedAt) {
    await db.$transaction((tx) =>
      writeAudit(tx, { teamId: row.teamId, actorToken: row.id, action: 'token.auth_failed', entity: 'api_token', entityId: row.id, after: { reason: 'revoked' }, ip, requestId }),
    );
    return refuse(ip, 'revoked', requestId);
  }

  await recordUse(row.id, row.teamId, request, ip, requestId);
  return { userId: null, tokenId: row.id, teamId: row.teamId, teamSlug: row.team.slug, role: row.role, ip, requestId };
}

/**
 * Sets lastUsedAt and writes a 'token.use' audit row, at most once a minute per token. The
 * conditional update decides atomically which request (of any app instance) records the use.
 */
async function recordUse(tokenId: string, teamId: string, request: Request, ip: string, requestId: string | undefined): Promise<void> {
  const now = new Date();
  const staleBefore = new Date(now.getTime() - USE_RECORD_INTERVAL_MS);
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
    if (count === 0) return;
    const path = new URL(request.url).pathname;
    await writeAudit(tx, { teamId, actorToken: tokenId, action: 'token.use', entity: 'api_token', entityId: tokenId, after: { method: request.method, path }, ip, requestId });
  });
}
