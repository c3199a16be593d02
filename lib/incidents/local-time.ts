import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * Conversions between instants and the wall-clock values of an `<input type="datetime-local">`
 * in a named IANA zone. The browser's own zone never matters: the server knows the user's zone
 * (user override, else team default) and converts with it, so an incident entered in
 * Los Angeles is the same instant for a reader in Berlin or UTC.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** The instant a wall-clock value ("2026-03-08T01:30", seconds optional) names in `zone`; null if malformed. */
export function fromLocalInput(value: string, zone: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = Number(m[6] ?? 0);
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new TZDate(year, month - 1, day, hour, minute, second, ms, zone);
  // Reject dates that roll over (31 February becomes 3 March).
  if (date.getDate() !== day || date.getMonth() !== month - 1) return null;
  return new Date(date.getTime());
}

/** The datetime-local value of `date` in `zone`: minutes, plus seconds when it has them (milliseconds are not shown). */
export function toLocalInput(date: Date, zone: string): string {
  const local = new TZDate(date.getTime(), zone);
  return format(local, date.getUTCSeconds() === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
}

/** The zone's offset at `date` as "+01:00" (for labels such as "Europe/Berlin, UTC+01:00"). */
export function zoneOffsetLabel(date: Date, zone: string): string {
  return format(new TZDate(date.getTime(), zone), 'xxx');
}
