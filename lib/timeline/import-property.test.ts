import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChatLog } from './import';

const MINUTE = 60_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const author = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,15}$/);
// Message text as it would be typed on one line: anything but line breaks and edge whitespace.
const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((t) => !/[\r\n]/.test(t) && t === t.trim());
const minuteInstant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => Math.floor(d.getTime() / MINUTE) * MINUTE);
// Gaps below 22 hours: a chat log can only show a day change by the clock going backwards.
const messages = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 22 * 60 }), author, text }), { minLength: 1, maxLength: 30 });

function render(start: number, list: ReadonlyArray<{ gap: number; author: string; text: string }>, zone: string) {
  let at = start;
  return list.map((m, i) => {
    if (i > 0) at += m.gap * MINUTE;
    const local = new TZDate(at, zone);
    return { at, line: `${pad(local.getHours())}:${pad(local.getMinutes())} ${m.author}: ${m.text}` };
  });
}

describe('parseChatLog properties', () => {
  it('HH:MM lines in UTC: one entry each, the exact instants, bodies equal to the text', () => {
    fc.assert(
      fc.property(minuteInstant, messages, (start, list) => {
        const rendered = render(start, list, 'UTC');
        const parsed = parseChatLog(rendered.map((r) => r.line).join('\n'), { incidentStart: new Date(start), timeZone: 'UTC' });
        expect(parsed.map((p) => p.occurredAt?.getTime())).toEqual(rendered.map((r) => r.at));
        expect(parsed.map((p) => p.body)).toEqual(list.map((m) => m.text));
        expect(parsed.map((p) => p.author)).toEqual(list.map((m) => m.author));
      }),
    );
  });

  it.each(['America/Los_Angeles', 'Europe/Berlin', 'Australia/Lord_Howe'])('HH:MM lines in %s across daylight-saving days: non-decreasing times', (zone) => {
    // Starts within a few days of the 2024 changes, so most runs cross one.
    const nearChange = fc.constantFrom('2024-03-09T18:00:00Z', '2024-03-30T18:00:00Z', '2024-04-06T06:00:00Z', '2024-10-05T06:00:00Z', '2024-10-26T18:00:00Z', '2024-11-02T18:00:00Z');
    const start = fc.tuple(nearChange, fc.integer({ min: 0, max: 36 * 60 })).map(([base, minutes]) => Date.parse(base) + minutes * MINUTE);
    fc.assert(
      fc.property(start, messages, (begin, list) => {
        const rendered = render(begin, list, zone);
        const parsed = parseChatLog(rendered.map((r) => r.line).join('\n'), { incidentStart: new Date(begin), timeZone: zone });
        expect(parsed).toHaveLength(list.length);
        expect(parsed.map((p) => p.body)).toEqual(list.map((m) => m.text));
        const times = parsed.map((p) => p.occurredAt?.getTime() ?? Number.NaN);
        times.forEach((t, i) => {
          expect(t).not.toBeNaN();
          if (i > 0) expect(t).toBeGreaterThanOrEqual(times[i - 1] ?? Number.NaN);
          // Off by at most the repeated hour when clocks fall back, never by a day.
          expect(Math.abs(t - (rendered[i]?.at ?? 0))).toBeLessThanOrEqual(60 * MINUTE);
        });
      }),
    );
  });

  it('dated lines round-trip in UTC, with or without an offset, in any order', () => {
    const instant = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-30T23:59:59.999Z'), noInvalidDate: true }); // offsets keep the wall clock in 4-digit years
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
    const line = fc.tuple(instant, offset, fc.constantFrom('plain', 'iso', 'offset'), author, text);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const rendered = lines.map(([d, off, form, who, body]) => {
          const ms = d.getTime();
          if (form === 'iso') return { ms, line: `${d.toISOString()} ${who}: ${body}` };
          if (form === 'plain') return { ms: Math.floor(ms / 1000) * 1000, line: `[${d.toISOString().slice(0, 19).replace('T', ' ')}] <${who}> ${body}` };
          const wall = new Date(ms + off * MINUTE).toISOString().slice(0, 23);
          const sign = off < 0 ? '-' : '+';
          return { ms, line: `${wall}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)} ${who}: ${body}` };
        });
        const parsed = parseChatLog(rendered.map((r) => r.line).join('\n'), { incidentStart: new Date(0), timeZone: 'UTC' });
        expect(parsed.map((p) => p.occurredAt?.getTime())).toEqual(rendered.map((r) => r.ms));
        expect(parsed.map((p) => p.body)).toEqual(lines.map((l) => l[4]));
      }),
    );
  });

  it('never drops text and never throws on arbitrary input', () => {
    const anyLine = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('14:02 a: x', '[25:61] b: y', '23:59', '00:00 c:', '<d> e', ''));
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 20 }), fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles'), (lines, zone) => {
        const input = lines.join('\n');
        fc.pre(!/^\s*[[{]/.test(input));
        const parsed = parseChatLog(input, { incidentStart: new Date('2024-10-27T00:00:00Z'), timeZone: zone });
        const kept = input.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
        expect(parsed.flatMap((p) => p.raw.split('\n'))).toEqual(kept);
        for (const p of parsed) expect(p.occurredAt === null).toBe(p.error !== undefined);
      }),
    );
  });
});
