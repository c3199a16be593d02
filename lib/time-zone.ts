/** True for an IANA time zone name this runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zones to offer in a picker: UTC, the ones this runtime knows (the server validates against
 * the same runtime), and `keep` (a stored value, even an alias the list lacks) first.
 */
export function timeZoneOptions(keep?: string | null): string[] {
  return [...new Set([...(keep ? [keep] : []), 'UTC', ...Intl.supportedValuesOf('timeZone')])];
}
