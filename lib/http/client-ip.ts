import { env } from '@/lib/env';

/**
 * The client's address. Next's server appends the socket address to X-Forwarded-For, so the
 * last entry is the peer; with TRUSTED_PROXY_HOPS reverse proxies in front, skip that many.
 * Entries a client wrote itself come earlier in the list and are never trusted.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  const chain = (get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const hops = env().TRUSTED_PROXY_HOPS;
  return chain[chain.length - 1 - hops] ?? chain[0] ?? get('x-real-ip') ?? 'unknown';
}
