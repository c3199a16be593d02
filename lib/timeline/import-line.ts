/**
 * One line of a pasted chat log: is it the start of an entry (a leading time stamp), and if so
 * its stamp, author and text. Lines without a stamp are continuations of the previous entry.
 */

export interface Stamp {
  /** Calendar date as written (month 1-12); null for time-only stamps. */
  date: { year: number; month: number; day: number } | null;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Explicit UTC offset in minutes (Z / UTC / +02:00 ...); null means the import's time zone. */
  offsetMinutes: number | null;
}

export interface EntryLine {
  stamp: Stamp;
  /** Why the stamp is unusable (25:61, 2024-02-30 ...), if it is. */
  error?: string;
  author: string | null;
  body: string;
}

const DATE_TIME = String.raw`(?:(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:T|\s+))?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;
const OFFSET = String.raw`(Z|[+-]\d{2}(?::?\d{2})?)`;
// In brackets the stamp is delimited, so an offset may follow a space: [2024-05-01 14:02 +02:00].
const BRACKETED = new RegExp(String.raw`^\s*\[\s*${DATE_TIME}\s*(?:${OFFSET}|(UTC|GMT))?\s*\]\s*([\s\S]*)$`, 'i');
// Bare, the stamp must end at whitespace; an offset must touch the time (14:02+02:00, ...Z) so
// that text such as "14:02 +10 more errors" keeps its "+10".
const BARE = new RegExp(String.raw`^\s*${DATE_TIME}(?:${OFFSET}|\s+(UTC|GMT)\b)?(?:\s+([\s\S]*))?$`, 'i');
const SEPARATOR = /^(?:-|–|—|\|)\s+/;
// <alice> text   (not <@U123>, <#C1>, <!here>: Slack markup is text, not an author)
const ANGLE_AUTHOR = /^<([^<>\s@#!][^<>\s]{0,63})>\s*([\s\S]*)$/u;
// alice: text    (one word; the colon must be followed by a space, so "https://..." is text)
const COLON_AUTHOR = /^([\p{L}\p{N}_@][\p{L}\p{N}_.@'’-]{0,63}):(?:\s+([\s\S]*))?$/u;

function num(s: string | undefined): number {
  return s === undefined ? 0 : Number(s);
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

function parseOffset(text: string | undefined, utcWord: string | undefined): { minutes: number | null; error?: string } {
  if (utcWord || text?.toUpperCase() === 'Z') return { minutes: 0 };
  if (!text) return { minutes: null };
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  const hours = num(m?.[2]);
  const minutes = num(m?.[3]);
  if (!m || hours > 23 || minutes > 59) return { minutes: null, error: `Invalid UTC offset ${text}` };
  return { minutes: (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) };
}

function validate(stamp: Stamp, written: string): string | undefined {
  const { date } = stamp;
  if (date && (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month))) {
    return `Invalid date in "${written}"`;
  }
  if (stamp.hour > 23 || stamp.minute > 59 || stamp.second > 59) return `Invalid time in "${written}"`;
  return undefined;
}

function splitAuthor(rest: string): { author: string | null; body: string } {
  const text = rest.replace(SEPARATOR, '');
  const m = ANGLE_AUTHOR.exec(text) ?? COLON_AUTHOR.exec(text);
  if (m?.[1]) return { author: m[1], body: (m[2] ?? '').trim() };
  return { author: null, body: text.trim() };
}

/** The entry a line starts, or null when the line has no leading time stamp. */
export function parseEntryLine(line: string): EntryLine | null {
  const m = BRACKETED.exec(line) ?? BARE.exec(line);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, fraction, offsetText, utcWord, rest] = m;
  const offset = parseOffset(offsetText, utcWord);
  const stamp: Stamp = {
    date: year === undefined ? null : { year: num(year), month: num(month), day: num(day) },
    hour: num(hour),
    minute: num(minute),
    second: num(second),
    ms: fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')),
    offsetMinutes: offset.minutes,
  };
  const written = line.slice(0, line.length - (rest ?? '').length).trim();
  const error = offset.error ?? validate(stamp, written);
  return { stamp, ...(error ? { error } : {}), ...splitAuthor(rest ?? '') };
}
