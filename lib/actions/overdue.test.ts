import { describe, expect, it } from 'vitest';
import { dateOfDay, dayOf, daysBetween, daysOverdue, overdueLabel, todayIn } from './overdue';

const due = (day: string, status: 'open' | 'in_progress' | 'done' | 'wont_do' = 'open') => ({ status, dueDate: dateOfDay(day) });

describe('todayIn', () => {
  it('is the calendar day in the zone, not the server’s', () => {
    const instant = new Date('2026-03-10T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-03-10');
    expect(todayIn('Europe/Berlin', instant)).toBe('2026-03-11');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-03-10');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-03-10T10:30:00Z'))).toBe('2026-03-11');
  });
});

describe('daysOverdue', () => {
  it('is zero on the due day itself and counts from the day after, in the team zone', () => {
    // 2026-03-10 23:30 UTC is already 11 March in Berlin but still 10 March in UTC.
    const now = new Date('2026-03-10T23:30:00Z');
    expect(daysOverdue(due('2026-03-10'), 'UTC', now)).toBe(0);
    expect(daysOverdue(due('2026-03-10'), 'Europe/Berlin', now)).toBe(1);
    expect(daysOverdue(due('2026-03-10'), 'America/New_York', now)).toBe(0);
    expect(daysOverdue(due('2026-03-01'), 'UTC', now)).toBe(9);
  });

  it('counts calendar days across a daylight-saving change (no 23- or 25-hour drift)', () => {
    // Europe/Berlin springs forward on 29 March 2026 and falls back on 25 October 2026.
    expect(daysOverdue(due('2026-03-28'), 'Europe/Berlin', new Date('2026-03-30T00:30:00+02:00'))).toBe(2);
    expect(daysOverdue(due('2026-03-29'), 'Europe/Berlin', new Date('2026-03-29T23:59:00+02:00'))).toBe(0);
    expect(daysOverdue(due('2026-10-24'), 'Europe/Berlin', new Date('2026-10-26T00:00:00+01:00'))).toBe(2);
    // New York springs forward on 8 March 2026: just after local midnight on 9 March is 04:00 UTC.
    expect(daysOverdue(due('2026-03-08'), 'America/New_York', new Date('2026-03-09T04:00:00Z'))).toBe(1);
    expect(daysOverdue(due('2026-03-08'), 'America/New_York', new Date('2026-03-09T03:59:00Z'))).toBe(0);
  });

  it('only counts open and in-progress actions with a due date', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(daysOverdue(due('2026-04-01', 'in_progress'), 'UTC', now)).toBe(30);
    expect(daysOverdue(due('2026-04-01', 'done'), 'UTC', now)).toBe(0);
    expect(daysOverdue(due('2026-04-01', 'wont_do'), 'UTC', now)).toBe(0);
    expect(daysOverdue({ status: 'open', dueDate: null }, 'UTC', now)).toBe(0);
    expect(daysOverdue(due('2026-06-01'), 'UTC', now)).toBe(0);
  });
});

describe('days', () => {
  it('round-trips a @db.Date value and counts whole days', () => {
    expect(dayOf(dateOfDay('2026-02-28'))).toBe('2026-02-28');
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(() => dateOfDay('28/02/2026')).toThrow(RangeError);
  });

  it('labels', () => {
    expect(overdueLabel(1)).toBe('1 day overdue');
    expect(overdueLabel(3)).toBe('3 days overdue');
  });
});
