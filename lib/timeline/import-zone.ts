import { TZDate, tzOffset } from '@date-fns/tz';
import type { Stamp } from './import-line';

/**
 * Zone math for the chat-log import. Wall-clock times are handled as "wall ms": the local
 * date and time written as if it were UTC, so days and times of day are plain arithmetic and
 * only the step from wall clock to instant needs the zone (tzOffset / TZDate from @date-fns/tz,
 * which never depend on the server's own time zone).
 */

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export { isTimeZone } from '../time-zone';

/** Wall ms for a calendar date and time (month 1-12). Years below 100 are taken literally. */
export function wallMs(year: number, month: number, day: number, timeOfDayMs = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() + timeOfDayMs;
}

/** The wall clock of `instant` in `zone`, as wall ms. */
export function wallOf(instant: number, zone: string): number {
  const z = new TZDate(instant, zone);
  return wallMs(z.getFullYear(), z.getMonth() + 1, z.getDate(), ((z.getHours() * 60 + z.getMinutes()) * 60 + z.getSeconds()) * 1000 + z.getMilliseconds());
}

function startOfWallDay(wall: number): number {
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * Every instant whose wall clock in `zone` is `wall`, earliest first: one on an ordinary day,
 * two in the repeated hour when clocks fall back, none in the skipped hour when they spring
 * forward.
 */
export function instantsAt(wall: number, zone: string): number[] {
  const offsets = new Set([wall - DAY_MS, wall, wall + DAY_MS].map((t) => Math.round(tzOffset(zone, new Date(t)) * MINUTE_MS)));
  const found = new Set<number>();
  for (const offset of offsets) {
    const instant = wall - offset;
    if (Math.round(tzOffset(zone, new Date(instant)) * MINUTE_MS) === offset) found.add(instant);
  }
  return [...found].sort((a, b) => a - b);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatWall(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export type Placement = { at: Date } | { error: string };

/**
 * Places the time stamps of one chat log, in order. State: the current local day (starts on the
 * incident's local start date, follows dated lines, rolls over at midnight) and the previous
 * entry's instant.
 *
 * - A time-only line lands on the current day; if that would put it before the previous entry
 *   the log has passed midnight and it moves to the next day (a chat log is chronological, so
 *   any step backwards is a new day; gaps of 24 hours or more need dated lines).
 * - An ambiguous wall time (the repeated hour when clocks fall back) resolves to the earliest
 *   occurrence that is not before the previous entry; with no previous entry, or when both are
 *   before it, to the first occurrence (summer time). So a lone 02:30 in Europe/Berlin on
 *   2024-10-27 is 02:30 CEST (00:30Z), and 02:45 followed by 02:30 is 02:45 CEST then 02:30
 *   CET (01:30Z) rather than a jump to the next day.
 * - A wall time in the skipped hour when clocks spring forward does not exist: an error, never
 *   a silent shift.
 */
export class ZonedClock {
  private day: number;
  private prev: number | null = null;

  constructor(
    private readonly zone: string,
    incidentStart: Date,
  ) {
    this.day = startOfWallDay(wallOf(incidentStart.getTime(), zone));
  }

  place(stamp: Stamp): Placement {
    const timeOfDay = ((stamp.hour * 60 + stamp.minute) * 60 + stamp.second) * 1000 + stamp.ms;
    const offset = stamp.offsetMinutes;
    const candidates = (wall: number) => (offset === null ? instantsAt(wall, this.zone) : [wall - offset * MINUTE_MS]);
    const prev = this.prev;

    if (stamp.date) {
      const day = wallMs(stamp.date.year, stamp.date.month, stamp.date.day);
      const found = candidates(day + timeOfDay);
      const at = (prev === null ? undefined : found.find((c) => c >= prev)) ?? found[0];
      if (at === undefined) return this.gap(day + timeOfDay);
      return this.accept(at, offset === null ? day : startOfWallDay(wallOf(at, this.zone)));
    }

    let day = this.day;
    let found = candidates(day + timeOfDay);
    if (prev !== null) {
      const forward = found.find((c) => c >= prev);
      if (forward !== undefined) return this.accept(forward, day);
      // Every occurrence today is before the previous entry (or the time is skipped today and
      // earlier on the clock than the previous entry): past midnight.
      if (found.length > 0 || day + timeOfDay < wallOf(prev, this.zone)) {
        day += DAY_MS;
        found = candidates(day + timeOfDay);
      }
    }
    const at = found[0];
    return at === undefined ? this.gap(day + timeOfDay) : this.accept(at, day);
  }

  private accept(at: number, day: number): Placement {
    this.prev = at;
    this.day = day;
    return { at: new Date(at) };
  }

  private gap(wall: number): Placement {
    return { error: `${formatWall(wall)} does not exist in ${this.zone}: the clocks skip that time (daylight-saving change)` };
  }
}
