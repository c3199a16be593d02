import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 signatures shared by outbound webhooks (we sign) and the generic alert source
 * (we verify): header `X-Hindsight-Signature: sha256=<hex>` over the exact raw body bytes.
 */
export const SIGNATURE_HEADER = 'x-hindsight-signature';

export function hmacSha256Hex(secret: string, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${hmacSha256Hex(secret, body)}`;
}

/** Constant-time comparison of two hex digests (false on any length or format mismatch). */
export function sameHexDigest(a: string, b: string): boolean {
  if (!/^[0-9a-f]+$/i.test(a) || !/^[0-9a-f]+$/i.test(b)) return false;
  const x = Buffer.from(a.toLowerCase(), 'hex');
  const y = Buffer.from(b.toLowerCase(), 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when `header` ("sha256=<hex>") is the signature of `body` with `secret`. */
export function verifyBody(secret: string, body: string | Uint8Array, header: string | null): boolean {
  if (!header) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  return !!match?.[1] && sameHexDigest(match[1], hmacSha256Hex(secret, body));
}
