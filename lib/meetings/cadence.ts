import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';

/**
 * The weekly review's cadence: an ISO weekday (1 = Monday .. 7 = Sunday) and a local time
 * "HH:MM" in the team's zone. `nextReview` turns it into the next instant, following the zone's
 * daylight-saving rules (10:00 in Berlin is 08:00 UTC in summer, 09:00 UTC in winter).
 */

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const cadenceSchema = z.object({
  weekday: z.coerce.number({ error: 'Choose a weekday.' }).int('Choose a weekday.').min(1, 'Choose a weekday.').max(7, 'Choose a weekday.'),
  time: pgText().trim().regex(TIME, 'Use a 24-hour time such as 10:00.'),
  version: z.coerce.number().int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE),
});

export interface Cadence {
  reviewWeekday: number;
  reviewTime: string;
  timeZone: string;
}

/** The local wall-clock time on a calendar day in `zone` as an instant (a skipped hour moves forward). */
function localInstant(year: number, month: number, day: number, hour: number, minute: number, zone: string): Date {
  return new Date(new TZDate(year, month, day, hour, minute, 0, 0, zone).getTime());
}

/**
 * The next review at or after `now`: today's slot if it has not passed yet, else the next
 * matching weekday. A review that is running right now (its start passed a moment ago) is not
 * "next": the next one is a week later.
 */
export function nextReview(team: Cadence, now: Date): Date {
  const match = TIME.exec(team.reviewTime);
  const [hour, minute] = match ? [Number(match[1]), Number(match[2])] : [10, 0];
  const weekday = team.reviewWeekday >= 1 && team.reviewWeekday <= 7 ? team.reviewWeekday : 2;
  const local = new TZDate(now.getTime(), team.timeZone);
  const isoToday = ((local.getDay() + 6) % 7) + 1;
  let ahead = (weekday - isoToday + 7) % 7;
  for (;;) {
    const candidate = localInstant(local.getFullYear(), local.getMonth(), local.getDate() + ahead, hour, minute, team.timeZone);
    if (candidate.getTime() > now.getTime()) return candidate;
    ahead += 7;
  }
}

/** Whole calendar days (in `zone`) from `now` to `when`: 0 today, 1 tomorrow. */
export function calendarDaysUntil(when: Date, now: Date, zone: string): number {
  const a = new TZDate(now.getTime(), zone);
  const b = new TZDate(when.getTime(), zone);
  const dayA = Date.UTC(a.getFullYear(), a.getMonth(), a.getDate());
  const dayB = Date.UTC(b.getFullYear(), b.getMonth(), b.getDate());
  return Math.round((dayB - dayA) / 86_400_000);
}

/** "today", "tomorrow", "in 3 days". */
export function inDaysLabel(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

const labelFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Tuesday 1 Dec 2026, 10:00" in `zone`. */
export function formatReviewTime(when: Date, zone: string): string {
  let f = labelFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    labelFormatters.set(zone, f);
  }
  return f.format(when);
}
