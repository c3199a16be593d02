import { DAY_MS, instantAtLikePostgres, startOfWallDay, wallOf } from '@/lib/wall-clock';

/**
 * Buckets of METRICS.md section 4: ISO weeks (Monday 00:00) or months, with boundaries at local
 * midnight in an IANA zone, as PostgreSQL's `date_trunc(unit, ts AT TIME ZONE tz) AT TIME ZONE tz`
 * computes them. Every bucket between `from` and `to` is listed, empty ones included; the first and
 * last are clipped to [from, to) so the buckets partition the requested range exactly and each
 * period's length is the true time between its instants (23- and 25-hour days included).
 */
export type BucketUnit = 'week' | 'month';

export interface Period {
  start: number;
  end: number;
}

/** The local wall clock at the start of the bucket holding `wall` (wall ms). */
function truncateWall(wall: number, unit: BucketUnit): number {
  const day = startOfWallDay(wall);
  if (unit === 'week') {
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0
    return day - weekday * DAY_MS;
  }
  const d = new Date(day);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextWall(wall: number, unit: BucketUnit): number {
  if (unit === 'week') return wall + 7 * DAY_MS;
  const d = new Date(wall);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** The instant the bucket holding `instant` starts (PostgreSQL's rule for skipped or repeated midnights). */
export function bucketStart(instant: number, unit: BucketUnit, zone: string): number {
  return instantAtLikePostgres(truncateWall(wallOf(instant, zone), unit), zone);
}

export function bucketPeriods(from: number, to: number, unit: BucketUnit, zone: string): Period[] {
  const periods: Period[] = [];
  if (!(to > from)) return periods;
  let wall = truncateWall(wallOf(from, zone), unit);
  let start = instantAtLikePostgres(wall, zone);
  while (start < to) {
    wall = nextWall(wall, unit);
    const end = instantAtLikePostgres(wall, zone);
    periods.push({ start: Math.max(start, from), end: Math.min(end, to) });
    start = end;
  }
  return periods;
}

/** Index of the period holding `instant` (periods sorted and contiguous), or -1. */
export function periodIndex(periods: readonly Period[], instant: number): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid]!;
    if (instant < p.start) hi = mid - 1;
    else if (instant >= p.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
