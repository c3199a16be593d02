import { describe, expect, it } from 'vitest';
import { isValidTimeZone, nextDay, resolveBound, startOfZonedDay } from './zoned-day';

describe('zoned days', () => {
  it('finds local midnight in UTC, east and west of Greenwich', () => {
    expect(startOfZonedDay('2026-01-15', 'UTC').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfZonedDay('2026-01-15', 'Europe/Berlin').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfZonedDay('2026-07-15', 'Europe/Berlin').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfZonedDay('2026-01-15', 'America/Los_Angeles').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(startOfZonedDay('2026-01-15', 'Asia/Kolkata').toISOString()).toBe('2026-01-14T18:30:00.000Z');
  });

  it('keeps the true length of days across daylight-saving changes', () => {
    const hours = (day: string, zone: string) => (startOfZonedDay(nextDay(day), zone).getTime() - startOfZonedDay(day, zone).getTime()) / 3_600_000;
    expect(hours('2026-03-29', 'Europe/Berlin')).toBe(23);
    expect(hours('2026-10-25', 'Europe/Berlin')).toBe(25);
    expect(hours('2026-03-08', 'America/Los_Angeles')).toBe(23);
    expect(hours('2026-11-01', 'America/Los_Angeles')).toBe(25);
  });

  it('takes the first instant of a day whose midnight is skipped', () => {
    // Chile moves clocks from 00:00 to 01:00 on 2026-09-06.
    expect(startOfZonedDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('resolves filter bounds: days in the zone (to includes the day), instants as given', () => {
    expect(resolveBound('2026-03-01', 'Europe/Berlin', 'from')).toEqual({ gte: new Date('2026-02-28T23:00:00Z') });
    expect(resolveBound('2026-03-01', 'Europe/Berlin', 'to')).toEqual({ lt: new Date('2026-03-01T23:00:00Z') });
    expect(resolveBound('2026-03-01T12:00:00+02:00', 'Europe/Berlin', 'to')).toEqual({ lte: new Date('2026-03-01T10:00:00Z') });
  });

  it('recognises time zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone(null)).toBe(false);
  });
});
