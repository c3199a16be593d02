import { describe, expect, it } from 'vitest';
import { formatInZone } from '@/components/incidents/format';
import { fromLocalInput, toLocalInput } from './local-time';

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';

describe('local time conversion', () => {
  it('round-trips an incident entered in Los Angeles across the US daylight-saving change', () => {
    // Before the change (PST, UTC-8) and after it (PDT, UTC-7); Berlin is still on CET until 29 March.
    const before = fromLocalInput('2026-03-07T10:00', LA);
    const after = fromLocalInput('2026-03-09T10:00', LA);
    expect(before?.toISOString()).toBe('2026-03-07T18:00:00.000Z');
    expect(after?.toISOString()).toBe('2026-03-09T17:00:00.000Z');
    expect(formatInZone(before!, 'UTC')).toBe('7 Mar 2026, 18:00');
    expect(formatInZone(before!, BERLIN)).toBe('7 Mar 2026, 19:00');
    expect(formatInZone(after!, 'UTC')).toBe('9 Mar 2026, 17:00');
    expect(formatInZone(after!, BERLIN)).toBe('9 Mar 2026, 18:00');
    // Back to the form in each zone: the same instant.
    for (const zone of [LA, 'UTC', BERLIN]) {
      for (const instant of [before!, after!]) expect(fromLocalInput(toLocalInput(instant, zone), zone)?.getTime()).toBe(instant.getTime());
    }
    expect(toLocalInput(after!, LA)).toBe('2026-03-09T10:00');
    expect(toLocalInput(after!, BERLIN)).toBe('2026-03-09T18:00');
  });

  it('keeps the same instant across the European change too', () => {
    const instant = fromLocalInput('2026-03-30T09:15:30', LA);
    expect(instant?.toISOString()).toBe('2026-03-30T16:15:30.000Z');
    expect(toLocalInput(instant!, BERLIN)).toBe('2026-03-30T18:15:30');
    expect(toLocalInput(instant!, 'UTC')).toBe('2026-03-30T16:15:30');
  });

  it('spans the night of the change with its real length', () => {
    const start = fromLocalInput('2026-03-08T01:30', LA);
    const end = fromLocalInput('2026-03-08T03:30', LA);
    expect(end!.getTime() - start!.getTime()).toBe(3_600_000);
  });

  it('refuses malformed or impossible values', () => {
    for (const bad of ['', '2026-03-08', '2026-02-31T10:00', '2026-13-01T10:00', '2026-03-08T24:00', 'soon']) expect(fromLocalInput(bad, LA), bad).toBeNull();
  });
});
