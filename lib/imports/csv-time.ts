import { instantsAt, MINUTE_MS, wallMs } from '@/lib/wall-clock';

/**
 * Timestamps of the CSV import. Accepted: "2024-03-01T14:02", "2024-03-01 14:02:33", with
 * optional ".123" milliseconds, and optionally an offset ("Z", "+02:00", "+0200", "-05").
 *
 * - With an offset the text names one instant and the zone is ignored.
 * - Without one it is a wall-clock time in the row's zone (the time zone column, else the
 *   default zone chosen on the import page). Daylight-saving rules, the same as the chat-log
 *   import of the timeline: a time in the hour that is skipped when clocks spring forward does
 *   not exist and is an error (never a silent shift); a time in the hour that repeats when
 *   clocks fall back is the FIRST occurrence (still summer time). Add an offset to pick the other.
 */

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

export type TimeReading = { at: Date } | { error: string };

function offsetMinutes(text: string): number {
  if (/^(z|utc)$/i.test(text)) return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

export function readTimestamp(value: string, zone: string): TimeReading {
  const m = STAMP.exec(value.trim());
  if (!m) return { error: `“${value.trim()}” is not a date and time like 2024-03-01 14:02 or 2024-03-01T14:02:00Z.` };
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = Number(m[6] ?? 0);
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return { error: `“${value.trim()}” is not a valid date and time.` };
  const wall = wallMs(year, month, day, ((hour * 60 + minute) * 60 + second) * 1000 + ms);
  // Reject dates that roll over (31 February would become 3 March).
  if (new Date(wall).getUTCDate() !== day) return { error: `“${value.trim()}” is not a valid date.` };
  if (m[8]) {
    const offset = offsetMinutes(m[8]);
    if (Math.abs(offset) > 18 * 60) return { error: `“${m[8]}” is not a valid UTC offset.` };
    return { at: new Date(wall - offset * MINUTE_MS) };
  }
  const found = instantsAt(wall, zone);
  const first = found[0];
  if (first === undefined) return { error: `${value.trim()} does not exist in ${zone}: the clocks skip that time (daylight-saving change). Give an offset.` };
  return { at: new Date(first) };
}
