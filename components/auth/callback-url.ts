const PROBE_ORIGIN = 'http://callback.invalid';

/**
 * Where to go after signing in. Only a path on this site is followed ("/t/ops/incidents?x=1"):
 * absolute URLs, protocol-relative ("//evil.example") and backslash tricks ("/\evil.example")
 * fall back, so a crafted sign-in link cannot send a fresh session to another site.
 */
export function safeCallbackUrl(value: string | string[] | undefined | null, fallback = '/'): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return fallback;
    // Coming back to the sign-in or sign-up page after signing in would only bounce.
    if (url.pathname === '/sign-in' || url.pathname === '/sign-up') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
