/**
 * Whether every segment of a URL path decodes (no stray "%", no "%ZZ", no escaped lone
 * surrogate). Next decodes the dynamic segments itself and answers a broken escape with a bare
 * 500, so the proxy turns those requests into a 400 first.
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
