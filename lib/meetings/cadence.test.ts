import { describe, expect, it } from 'vitest';
import { calendarDaysUntil, cadenceSchema, formatReviewTime, inDaysLabel, nextReview } from './cadence';

const berlin = (weekday: number, time: string) => ({ reviewWeekday: weekday, reviewTime: time, timeZone: 'Europe/Berlin' });

describe('nextReview', () => {
  it('gives later today when today is the day and the time has not come', () => {
    // Tuesday 1 Dec 2026 08:00 UTC = 09:00 Berlin.
    expect(nextReview(berlin(2, '10:00'), new Date('2026-12-01T08:00:00Z')).toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('moves a week on when today is the day but the time has passed (or is now)', () => {
    expect(nextReview(berlin(2, '10:00'), new Date('2026-12-01T09:30:00Z')).toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(nextReview(berlin(2, '10:00'), new Date('2026-12-01T09:00:00Z')).toISOString()).toBe('2026-12-08T09:00:00.000Z');
  });

  it('finds the coming weekday in the team zone, not UTC', () => {
    // Sunday 29 Nov 2026 23:30 UTC is already Monday 00:30 in Berlin: Monday 10:00 is the same local day.
    expect(nextReview(berlin(1, '10:00'), new Date('2026-11-29T23:30:00Z')).toISOString()).toBe('2026-11-30T09:00:00.000Z');
    // Sunday (7) review from a Wednesday.
    expect(nextReview(berlin(7, '18:30'), new Date('2026-12-02T12:00:00Z')).toISOString()).toBe('2026-12-06T17:30:00.000Z');
  });

  it('keeps the local time across the spring daylight-saving change', () => {
    // Europe/Berlin moves to summer time on Sunday 29 March 2026. From Friday 27 March (UTC+1)
    // the next Tuesday 10:00 is 31 March at UTC+2.
    expect(nextReview(berlin(2, '10:00'), new Date('2026-03-27T12:00:00Z')).toISOString()).toBe('2026-03-31T08:00:00.000Z');
  });

  it('keeps the local time across the autumn change', () => {
    // Back to winter time on Sunday 25 October 2026.
    expect(nextReview(berlin(1, '09:15'), new Date('2026-10-23T12:00:00Z')).toISOString()).toBe('2026-10-26T08:15:00.000Z');
  });

  it('moves a time in the skipped hour forward on the day of the change', () => {
    // 02:30 does not exist in Berlin on 29 March 2026; it is read as 03:30 CEST (01:30 UTC).
    expect(nextReview(berlin(7, '02:30'), new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('works in a zone west of UTC', () => {
    // New York, Friday 16:00; now is Friday 21:30 UTC = 17:30 EDT (time passed): next Friday.
    const ny = { reviewWeekday: 5, reviewTime: '16:00', timeZone: 'America/New_York' };
    expect(nextReview(ny, new Date('2026-06-05T21:30:00Z')).toISOString()).toBe('2026-06-12T20:00:00.000Z');
  });
});

describe('labels', () => {
  it('counts calendar days in the zone', () => {
    const now = new Date('2026-12-01T22:30:00Z'); // 23:30 Tuesday Berlin
    expect(calendarDaysUntil(new Date('2026-12-01T23:30:00Z'), now, 'Europe/Berlin')).toBe(1);
    expect(inDaysLabel(0)).toBe('today');
    expect(inDaysLabel(1)).toBe('tomorrow');
    expect(inDaysLabel(6)).toBe('in 6 days');
  });

  it('formats the weekday, date and time in the zone', () => {
    expect(formatReviewTime(new Date('2026-12-08T09:00:00Z'), 'Europe/Berlin')).toBe('Tuesday, 8 Dec 2026, 10:00');
  });
});

describe('cadenceSchema', () => {
  it('accepts a weekday and a 24-hour time', () => {
    expect(cadenceSchema.parse({ weekday: '3', time: '09:05', version: '2' })).toEqual({ weekday: 3, time: '09:05', version: 2 });
  });
  it('rejects a bad time or weekday', () => {
    expect(cadenceSchema.safeParse({ weekday: '8', time: '09:05', version: '1' }).success).toBe(false);
    expect(cadenceSchema.safeParse({ weekday: '1', time: '24:00', version: '1' }).success).toBe(false);
    expect(cadenceSchema.safeParse({ weekday: '1', time: '9:5', version: '1' }).success).toBe(false);
  });
});
