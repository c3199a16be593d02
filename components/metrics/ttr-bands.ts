import type { Severity } from '@/lib/generated/prisma/enums';

/**
 * Above this many resolved incidents the TTR distribution is drawn as bands (a histogram stacked
 * by severity) instead of one dot per incident: past a few hundred, dots stack into columns taller
 * than the page and the page itself grows by megabytes.
 */
export const MAX_TTR_DOTS = 300;

/** Band edges in seconds (each band includes its lower edge): <1m, 1-10m, 10m-1h, 1-6h, 6h-1d, 1-7d, 7-30d, 30d+. */
export const TTR_BAND_EDGES = [60, 600, 3_600, 6 * 3_600, 86_400, 7 * 86_400, 30 * 86_400] as const;
const EDGE_LABEL = ['1m', '10m', '1h', '6h', '1d', '7d', '30d'] as const;

export interface TtrBand {
  /** Lower edge in seconds (included). */
  from: number;
  /** Upper edge in seconds (excluded), null for the last band. */
  to: number | null;
  label: string;
  counts: Record<Severity, number>;
}

export function ttrBands(dots: readonly { severity: Severity; ttrSeconds: number }[]): TtrBand[] {
  const bands: TtrBand[] = [0, ...TTR_BAND_EDGES].map((from, i) => {
    const to = TTR_BAND_EDGES[i] ?? null;
    const label = i === 0 ? `under ${EDGE_LABEL[0]}` : to === null ? `${EDGE_LABEL[i - 1]} or more` : `${EDGE_LABEL[i - 1]} to ${EDGE_LABEL[i]}`;
    return { from, to, label, counts: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 } };
  });
  for (const d of dots) {
    const i = TTR_BAND_EDGES.findIndex((edge) => d.ttrSeconds < edge);
    bands[i === -1 ? bands.length - 1 : i]!.counts[d.severity]++;
  }
  return bands;
}
