import { TZDate } from '@date-fns/tz';
import { isTimeZone } from '@/lib/time-zone';

/**
 * Calendar days in an IANA time zone, as instants (@date-fns/tz, independent of the server's
 * own zone). The list's date filters mean "days as the viewer sees them", and a day that crosses
 * a daylight-saving change keeps its true length (23 or 25 hours).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidTimeZone(zone: string | null | undefined): zone is string {
  return typeof zone === 'string' && isTimeZone(zone);
}

export function isDay(value: string): boolean {
  return DAY.test(value);
}

/** The instant a calendar day starts in `zone` (where midnight is skipped, the day's first instant). */
export function startOfZonedDay(day: string, zone: string): Date {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return new Date(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), zone).getTime());
}

/** The day after `day` (YYYY-MM-DD), by the calendar. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * A `from` / `to` filter value as a bound on startedAt: a day is resolved in `zone` (`to`
 * includes the whole day, so its bound is the next day's start, exclusive); an ISO instant is
 * taken as it is (inclusive).
 */
export function resolveBound(value: string, zone: string, edge: 'from' | 'to'): { gte: Date } | { lt: Date } | { lte: Date } {
  if (!isDay(value)) return edge === 'from' ? { gte: new Date(value) } : { lte: new Date(value) };
  return edge === 'from' ? { gte: startOfZonedDay(value, zone) } : { lt: startOfZonedDay(nextDay(value), zone) };
}
