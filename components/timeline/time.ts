import { DAY_MS, instantsAt, wallOf } from '@/lib/wall-clock';

/**
 * Times on the timeline: offsets from the incident start and the quick-entry time field.
 * Pure (no React), shared by the server page and the client editor.
 */

/** "+00:14" (minutes:seconds under an hour), "+1:02:33" (h:mm:ss), "-00:05" before the start. */
export function formatOffset(ms: number): string {
  const { sign, h, m } = offsetParts(ms);
  return `${sign}${String(h).padStart(2, '0')}:${m}`;
}

/** The same offset to the second ("+1:02:33"), for a title attribute. */
export function formatOffsetExact(ms: number): string {
  const { sign, h, m, s } = offsetParts(ms);
  return `${sign}${h}:${m}:${s}`;
}

function offsetParts(ms: number) {
  const total = Math.floor(Math.abs(ms) / 1000);
  return {
    sign: ms < 0 ? '-' : '+',
    h: Math.floor(total / 3600),
    m: String(Math.floor((total % 3600) / 60)).padStart(2, '0'),
    s: String(total % 60).padStart(2, '0'),
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "14:02:07" on the wall clock of `zone`. */
export function clockTime(date: Date, zone: string): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return f.format(date);
}

/** "Sun 1 Mar 2026" in `zone`: the date heading above a group of entries. */
export function dayLabel(date: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

export type QuickTime = { at: Date } | { error: string };

/**
 * A typed "HH:MM" or "HH:MM:SS" as an instant in `zone`: the occurrence of that wall time nearest
 * to `anchor` (the latest entry, or the incident start when there is none), so a log typed in
 * order rolls over after midnight ("00:10" after "23:50" is the next day) while a forgotten
 * earlier entry still lands on the right day. A time the clocks skip is an error.
 */
export function placeQuickTime(text: string, anchor: Date, zone: string): QuickTime {
  const m = TIME.exec(text.trim());
  if (!m) return { error: 'Type the time as HH:MM or HH:MM:SS' };
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return { error: 'That is not a time of day' };
  const timeOfDay = ((hour * 60 + minute) * 60 + second) * 1000;
  const anchorWall = wallOf(anchor.getTime(), zone);
  const day = anchorWall - (((anchorWall % DAY_MS) + DAY_MS) % DAY_MS);
  const candidates = [-DAY_MS, 0, DAY_MS].flatMap((shift) => instantsAt(day + shift + timeOfDay, zone));
  let best: number | undefined;
  for (const c of candidates) if (best === undefined || Math.abs(c - anchor.getTime()) < Math.abs(best - anchor.getTime())) best = c;
  // Only a neighbouring day has this time: the clocks skip it on the day meant.
  const skippedToday = instantsAt(day + timeOfDay, zone).length === 0;
  if (best === undefined || (skippedToday && Math.abs(best - anchor.getTime()) > DAY_MS / 2)) {
    return { error: `${text.trim()} does not exist in ${zone} that day: the clocks skip it (daylight-saving change)` };
  }
  return { at: new Date(best) };
}
