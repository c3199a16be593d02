import { TZDate } from '@date-fns/tz';

/**
 * Due dates are calendar days (`@db.Date`, which Prisma hands back as that day's UTC midnight),
 * and "overdue" is judged by the calendar in the team's time zone: an action due on 3 March is
 * overdue from the first instant of 4 March in that zone, whatever the server's own zone.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The calendar day (YYYY-MM-DD) that `now` falls on in `zone`. */
export function todayIn(zone: string, now: Date = new Date()): string {
  const local = new TZDate(now.getTime(), zone);
  return `${String(local.getFullYear()).padStart(4, '0')}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
}

/** A `@db.Date` value as its calendar day (YYYY-MM-DD). */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar day as the Date Prisma stores in a `@db.Date` column (that day's UTC midnight). */
export function dateOfDay(day: string): Date {
  if (!DAY.test(day)) throw new RangeError(`not a day: ${day}`);
  return new Date(`${day}T00:00:00.000Z`);
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); no clock, so no daylight-saving drift. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

export type ActionStatusName = 'open' | 'in_progress' | 'done' | 'wont_do';

export const isActive = (status: ActionStatusName): boolean => status === 'open' || status === 'in_progress';

/**
 * How many days an action is overdue (0 when it is not): only open / in-progress actions with a
 * due day before today in the team's zone count.
 */
export function daysOverdue(action: { status: ActionStatusName; dueDate: Date | null }, zone: string, now: Date = new Date()): number {
  if (!action.dueDate || !isActive(action.status)) return 0;
  return Math.max(0, daysBetween(dayOf(action.dueDate), todayIn(zone, now)));
}

export function overdueLabel(days: number): string {
  return days === 1 ? '1 day overdue' : `${days} days overdue`;
}
