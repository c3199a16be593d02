/**
 * Per-incident durations of METRICS.md section 1, in exact milliseconds (never rounded):
 * TTD = detectedAt - startedAt, TTA = acknowledgedAt - detectedAt,
 * TTM = mitigatedAt - startedAt, TTR = resolvedAt - startedAt.
 * A duration is null when either of its timestamps is missing.
 */
export interface IncidentTimes {
  startedAt: Date;
  detectedAt?: Date | null;
  acknowledgedAt?: Date | null;
  mitigatedAt?: Date | null;
  resolvedAt?: Date | null;
}

export interface IncidentDurations {
  ttd: number | null;
  tta: number | null;
  ttm: number | null;
  ttr: number | null;
}

export const DURATION_LABELS: Record<keyof IncidentDurations, { short: string; long: string; formula: string }> = {
  ttd: { short: 'TTD', long: 'Time to detect', formula: 'detected − started' },
  tta: { short: 'TTA', long: 'Time to acknowledge', formula: 'acknowledged − detected' },
  ttm: { short: 'TTM', long: 'Time to mitigate', formula: 'mitigated − started' },
  ttr: { short: 'TTR', long: 'Time to resolve', formula: 'resolved − started' },
};

function between(from: Date | null | undefined, to: Date | null | undefined): number | null {
  return from && to ? to.getTime() - from.getTime() : null;
}

export function incidentDurations(t: IncidentTimes): IncidentDurations {
  return {
    ttd: between(t.startedAt, t.detectedAt),
    tta: between(t.detectedAt, t.acknowledgedAt),
    ttm: between(t.startedAt, t.mitigatedAt),
    ttr: between(t.startedAt, t.resolvedAt),
  };
}

/** The lifecycle status the timestamps imply: resolved, else mitigated, else active. */
export function statusFromTimes(t: IncidentTimes): 'active' | 'mitigated' | 'resolved' {
  if (t.resolvedAt) return 'resolved';
  if (t.mitigatedAt) return 'mitigated';
  return 'active';
}
