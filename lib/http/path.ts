/**
 * Whether every segment of a URL path decodes (no stray "%", no "%ZZ", no escaped lone
 * surrogate) to text without control characters (no %00). Next decodes the dynamic segments
 * itself and answers a broken escape with a bare 500, and next-auth fails the same way on a NUL,
 * so the proxy turns those requests into a 400 first.
 */
export function isDecodablePath(pathname: string): boolean {
  // next-auth's own paths (actions, provider ids) are plain ASCII, and it copies them into
  // response headers, which cannot hold other characters (/api/auth/error/%C4%80 was a 500).
  const allowed = pathname.startsWith('/api/auth/') ? /^[\u0020-\u007e]*$/ : /^[^\u0000-\u001f\u007f]*$/;
  try {
    return pathname.split('/').every((segment) => allowed.test(decodeURIComponent(segment)));
  } catch {
    return false;
  }
}
