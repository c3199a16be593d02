import { env } from '@/lib/env';

/**
 * The public origin for absolute links: APP_URL when it pins one, else the origin the client
 * addressed (Host header, as forwarded by a proxy if there is one).
 */
export function publicOrigin(headers: Headers, fallbackUrl = 'http://localhost'): string {
  const pinned = env().APP_URL;
  if (pinned) return pinned.replace(/\/$/, '');
  const url = new URL(fallbackUrl);
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? url.host;
  const proto = headers.get('x-forwarded-proto') ?? url.protocol.replace(/:$/, '');
  return `${proto.split(',')[0]!.trim()}://${host.split(',')[0]!.trim()}`;
}
