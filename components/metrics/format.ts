/**
 * Display of metric values. Durations arrive as exact seconds (milliseconds kept); screens show a
 * short human form and keep the exact value for a title attribute.
 */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.abs(seconds);
  const sign = seconds < 0 ? '−' : '';
  if (s < 60) return `${sign}${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    return `${sign}${m}m ${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  }
  if (s < 86_400) {
    const h = Math.floor(s / 3600);
    return `${sign}${h}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  }
  const d = Math.floor(s / 86_400);
  return `${sign}${d}d ${String(Math.floor((s % 86_400) / 3600)).padStart(2, '0')}h`;
}

/** The exact value, for hover: "3723.5 s". */
export function exactSeconds(seconds: number | null): string {
  return seconds === null ? 'no value' : `${seconds} s`;
}

/** Availability as a percentage with enough digits to tell 99.9 % from 99.99 %. */
export function formatAvailability(a: number | null): string {
  if (a === null) return '—';
  const pct = a * 100;
  if (pct === 100) return '100 %';
  return `${pct >= 99 ? pct.toFixed(3) : pct.toFixed(2)} %`;
}

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "3 Mar" (or "Mar 26" for months) in `zone`, for bucket labels. */
export function bucketLabel(start: number, zone: string, bucket: 'week' | 'month' | 'none'): string {
  const key = `${zone}|${bucket}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', bucket === 'month' ? { timeZone: zone, month: 'short', year: '2-digit' } : { timeZone: zone, day: 'numeric', month: 'short' });
    dayFormats.set(key, f);
  }
  return f.format(new Date(start));
}

/** Tick values for a duration axis: round human steps (1 m, 5 m, 15 m, 1 h, 6 h, 1 d ...). */
export function durationTicks(max: number, count = 4): number[] {
  const steps = [1, 5, 10, 30, 60, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];
  const step = steps.find((s) => max / s <= count) ?? Math.ceil(max / count / 86_400) * 86_400;
  const ticks = [0];
  while (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}
