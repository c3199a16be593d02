import { LegendItem } from '@/components/charts/chart-frame';
import styles from '@/components/charts/charts.module.css';
import type { Severity } from '@/lib/generated/prisma/enums';

export const SEVERITIES: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
/** SVG fill class per severity (the same colours as the legend swatches). */
export const SEVERITY_FILL: Record<Severity, string | undefined> = { SEV1: styles.sev1, SEV2: styles.sev2, SEV3: styles.sev3, SEV4: styles.sev4 };
const SWATCH: Record<Severity, string | undefined> = { SEV1: styles.swatchSev1, SEV2: styles.swatchSev2, SEV3: styles.swatchSev3, SEV4: styles.swatchSev4 };

export function SeverityLegend() {
  return SEVERITIES.map((s) => (
    <LegendItem key={s} swatch={SWATCH[s]}>
      {s}
    </LegendItem>
  ));
}
