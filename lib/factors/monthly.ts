import { TZDate } from '@date-fns/tz';

/**
 * Occurrences per calendar month in a time zone (pure): the last `months` months up to and
 * including the month of `now`, oldest first, each with its count of dates in it. A month is the
 * team's month, so an incident at 23:30 UTC on the 31st may count in the next month in Berlin.
 */
export interface MonthCount {
  /** YYYY-MM in the zone. */
  month: string;
  /** "Dec 2025". */
  label: string;
  count: number;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthKey(year: number, monthIndex: number): string {
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}`;
}

export function monthlyCounts(dates: readonly Date[], now: Date, zone: string, months = 12): MonthCount[] {
  const local = new TZDate(now.getTime(), zone);
  const buckets: MonthCount[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const first = new TZDate(local.getFullYear(), local.getMonth() - back, 1, zone);
    buckets.push({ month: monthKey(first.getFullYear(), first.getMonth()), label: `${MONTH_NAMES[first.getMonth()]} ${first.getFullYear()}`, count: 0 });
  }
  const index = new Map(buckets.map((b, i) => [b.month, i]));
  for (const date of dates) {
    const d = new TZDate(date.getTime(), zone);
    const i = index.get(monthKey(d.getFullYear(), d.getMonth()));
    if (i !== undefined) buckets[i]!.count += 1;
  }
  return buckets;
}

/** The instant the oldest month of monthlyCounts starts (a lower bound for the query). */
export function windowStart(now: Date, zone: string, months = 12): Date {
  const local = new TZDate(now.getTime(), zone);
  return new Date(new TZDate(local.getFullYear(), local.getMonth() - (months - 1), 1, zone).getTime());
}
