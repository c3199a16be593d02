import { DAY_MS, instantsAt, MINUTE_MS, startOfWallDay, wallMs, wallOf } from '../wall-clock';
import type { Stamp } from './import-line';

/** Zone math for the chat-log import, on the wall-clock primitives of lib/wall-clock.ts. */

export { DAY_MS, instantsAt, wallMs, wallOf };
export { isTimeZone } from '../time-zone';

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
