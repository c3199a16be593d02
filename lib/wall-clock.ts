import { TZDate, tzOffset } from '@date-fns/tz';

/**
 * Wall-clock arithmetic in an IANA zone. A wall clock is handled as "wall ms": the local date and
 * time written as if it were UTC, so days and times of day are plain arithmetic and only the step
 * from wall clock to instant needs the zone (tzOffset / TZDate from @date-fns/tz, which never
 * depend on the server's own time zone). Used by the chat-log import and the metric buckets.
 */

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

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

export function startOfWallDay(wall: number): number {
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


/**
 * The one instant PostgreSQL gives for `wall AT TIME ZONE zone`: in the repeated hour when clocks
 * fall back, the offset in force after the change (the later instant); in the skipped hour when
 * they spring forward, the offset in force before it (so 02:30 on a New York spring-forward day is
 * 07:30Z, i.e. 03:30 EDT). lib/metric-queries/queries.int.test.ts checks it against PostgreSQL (bucket keys must match).
 */
export function instantAtLikePostgres(wall: number, zone: string): number {
  const found = instantsAt(wall, zone);
  if (found.length) return found[found.length - 1]!;
  return wall - Math.round(tzOffset(zone, new Date(wall - DAY_MS)) * MINUTE_MS);
}
