import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { blockedFor, minutesText, recordFailure, type Limit } from '@/lib/limits/rate-limit';
import { log } from '@/lib/log';
import { teamSlugKeySchema } from '@/lib/teams/schemas';
import { hmacSha256Hex, sameHexDigest, SIGNATURE_HEADER, verifyBody } from '@/lib/webhooks/signature';
import type { IngestIntegration } from './ingest';
import type { AlertSourceName } from './schemas';

export const PAGERDUTY_SIGNATURE_HEADER = 'x-pagerduty-signature';

/**
 * Failed alert authentications per (address, team): generous, because a misconfigured sender
 * retries on its own, but enough to stop guessing secrets.
 */
export const ALERT_AUTH_LIMIT: Limit = { max: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };

/** One message for every failure: it must not tell which teams or integrations exist. */
const REFUSED = 'The alert delivery could not be authenticated: check the URL (?team=), the secret and the signature.';

function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the secret.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** PagerDuty V3: `v1=<hex>` entries, comma-separated while a secret is rotated; any match passes. */
export function verifyPagerdutySignature(secret: string, body: Uint8Array | string, header: string | null): boolean {
  if (!header) return false;
  const expected = hmacSha256Hex(secret, body);
  return header.split(',').some((part) => {
    const match = /^v1=([0-9a-fA-F]{64})$/.exec(part.trim());
    return !!match?.[1] && sameHexDigest(match[1], expected);
  });
}

function credentialsValid(source: AlertSourceName, secret: string, request: Request, body: Uint8Array): boolean {
  switch (source) {
    case 'pagerduty':
      return verifyPagerdutySignature(secret, body, request.headers.get(PAGERDUTY_SIGNATURE_HEADER));
    case 'generic':
      return verifyBody(secret, body, request.headers.get(SIGNATURE_HEADER));
    case 'alertmanager': {
      // Alertmanager cannot sign its body: http_config.authorization sends the secret as a bearer credential.
      const presented = /^bearer[ ]+(\S+)$/i.exec(request.headers.get('authorization')?.trim() ?? '')?.[1];
      return !!presented && sameSecret(presented, secret);
    }
  }
}

/**
 * The enabled integration of `teamSlug` for `source` whose secret the request proves (over the raw
 * body bytes, before any parsing). Unknown team, no integration, disabled or wrong credentials:
 * the same 401; repeated failures from one address for one team: 429 until the block ends.
 */
export async function authenticateAlert(request: Request, source: AlertSourceName, teamSlug: string, body: Uint8Array, meta: { ip: string; requestId: string }): Promise<IngestIntegration> {
  // A value that cannot be a slug is an unknown team (and never reaches SQL: PostgreSQL refuses NUL in text).
  const slug = teamSlugKeySchema.safeParse(teamSlug).success ? teamSlug : '';
  const key = `alert-auth:${meta.ip}:${slug}`;
  const blocked = await blockedFor(key);
  if (blocked > 0) throw rateLimited(blocked);
  const integration = slug
    ? await db.alertIntegration.findFirst({
        where: { source, team: { slug } },
        select: { id: true, teamId: true, source: true, secret: true, enabled: true, applyAcknowledged: true, applyResolved: true, defaultSeverity: true, team: { select: { slug: true } } },
      })
    : null;
  // Compare even when there is nothing to compare with, so timing does not tell an unknown team apart.
  const ok = credentialsValid(source, integration?.secret ?? 'no integration: never matches', request, body);
  if (!integration || !integration.enabled || !ok) {
    const reason = !integration ? 'unknown team or integration' : !integration.enabled ? 'disabled' : 'bad credentials';
    log('warn', 'alert webhook authentication failed', { source, team: teamSlug.slice(0, 100), reason, ip: meta.ip, requestId: meta.requestId });
    const left = await recordFailure(key, ALERT_AUTH_LIMIT);
    if (left > 0) throw rateLimited(left);
    throw new AppError('UNAUTHENTICATED', REFUSED);
  }
  const { secret: _secret, team, enabled: _enabled, ...rest } = integration;
  return { ...rest, teamSlug: team.slug };
}

function rateLimited(seconds: number): AppError {
  return new AppError('RATE_LIMITED', `Too many failed alert deliveries from your address. Try again in ${minutesText(seconds)}.`, { retryAfterSeconds: seconds });
}
