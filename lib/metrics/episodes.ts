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

/** D(P), k(P), MTBF, availability and the mean interval between episode starts for P = [from, to). */
export function availabilityFor(episodes: readonly Interval[], from: number, to: number): Availability {
  let downtime = 0;
  let k = 0;
  let first: number | null = null;
  let last: number | null = null;
  for (const e of episodes) {
    const lo = Math.max(e.start, from);
    const hi = Math.min(e.end, to);
    if (hi > lo) downtime += hi - lo;
    if (e.start >= from && e.start < to) {
      k++;
      first ??= e.start;
      last = e.start;
    }
  }
  const length = to - from;
  return {
    downtimeSeconds: toSeconds(downtime),
    episodes: k,
    mtbfSeconds: k === 0 ? null : toSeconds((length - downtime) / k),
    availability: length > 0 ? 1 - downtime / length : 1,
    meanStartIntervalSeconds: k < 2 ? null : toSeconds((last! - first!) / (k - 1)),
  };
}
