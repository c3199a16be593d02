import { toSeconds } from './stats';

/**
 * Downtime, MTBF and availability of METRICS.md section 3. Times are epoch milliseconds.
 */
export interface Interval {
  start: number;
  end: number;
}

/** Incident intervals: [startedAt, resolvedAt], or [startedAt, min(now, to)] while open. */
export function incidentInterval(startedAt: number, resolvedAt: number | null, openUntil: number): Interval {
  return { start: startedAt, end: resolvedAt ?? Math.max(startedAt, openUntil) };
}

/**
 * Merges overlapping and touching intervals (one ending at 11:00:00.000, the next starting at
 * 11:00:00.000) into episodes, in start order. A gap of a millisecond keeps them apart.
 */
export function mergeEpisodes(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const episodes: Interval[] = [];
  for (const iv of sorted) {
    const last = episodes[episodes.length - 1];
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else episodes.push({ start: iv.start, end: iv.end });
  }
  return episodes;
}

export interface Availability {
  downtimeSeconds: number;
  episodes: number;
  mtbfSeconds: number | null;
  availability: number;
  meanStartIntervalSeconds: number | null;
}

/** What the figures of a period need from its episodes (PostgreSQL computes the same parts). */
export interface EpisodeParts {
  downtimeMs: number;
  episodes: number;
  firstStart: number | null;
  lastStart: number | null;
}

export function episodePartsFor(episodes: readonly Interval[], from: number, to: number): EpisodeParts {
  let downtimeMs = 0;
  let k = 0;
  let firstStart: number | null = null;
  let lastStart: number | null = null;
  for (const e of episodes) {
    const lo = Math.max(e.start, from);
    const hi = Math.min(e.end, to);
    if (hi > lo) downtimeMs += hi - lo;
    if (e.start >= from && e.start < to) {
      k++;
      firstStart ??= e.start;
      lastStart = e.start;
    }
  }
  return { downtimeMs, episodes: k, firstStart, lastStart };
}

/** downtimeSeconds D(P), episodes k(P), MTBF, availability and mean start interval of P = [from, to). */
export function availabilityFromParts(parts: EpisodeParts, from: number, to: number): Availability {
  const { downtimeMs, episodes: k, firstStart, lastStart } = parts;
  const length = to - from;
  return {
    downtimeSeconds: toSeconds(downtimeMs),
    episodes: k,
    mtbfSeconds: k === 0 ? null : toSeconds((length - downtimeMs) / k),
    availability: length > 0 ? 1 - downtimeMs / length : 1,
    meanStartIntervalSeconds: k < 2 ? null : toSeconds((lastStart! - firstStart!) / (k - 1)),
  };
}

export function availabilityFor(episodes: readonly Interval[], from: number, to: number): Availability {
  return availabilityFromParts(episodePartsFor(episodes, from, to), from, to);
}
