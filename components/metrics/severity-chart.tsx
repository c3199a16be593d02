import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { ChartFrame, ChartSvg, MARGIN, WIDTH, XBandAxis, YAxis } from '@/components/charts/chart-frame';
import type { Severity } from '@/lib/generated/prisma/enums';
import type { ApiPeriod } from '@/lib/metric-queries/api';
import { bucketLabel } from './format';
import { SEVERITIES, SeverityLegend, SEVERITY_FILL } from './severity-legend';

const HEIGHT = 200;

/** Incidents started per bucket, stacked by severity. */
export function SeverityChart({ periods, counts, zone, bucket }: { periods: ApiPeriod[]; counts: Record<Severity, number>[]; zone: string; bucket: 'week' | 'month' }) {
  const labels = periods.map((p) => bucketLabel(Date.parse(p.start), zone, bucket));
  return (
    <ChartFrame
      id="severity"
      title={`Incidents started per ${bucket}, by severity`}
      description={`How many incidents started in each ${bucket}, stacked from SEV1 (bottom) to SEV4.`}
      legend={<SeverityLegend />}
      table={<SeverityTable heading={bucket === 'week' ? 'Week of' : 'Month'} labels={labels} counts={counts} />}
    >
      <SeverityBars id="severity" labels={labels} counts={counts} />
    </ChartFrame>
  );
}

/** One bar per label, stacked by severity from SEV1 (bottom) to SEV4, on a count axis. */
export function SeverityBars({ id, labels, counts }: { id: string; labels: string[]; counts: Record<Severity, number>[] }) {
  const series = stack<Record<Severity, number>, Severity>().keys(SEVERITIES)(counts);
  const max = Math.max(1, ...counts.map((c) => SEVERITIES.reduce((a, s) => a + c[s], 0)));
  const x = scaleBand<number>()
    .domain(labels.map((_, i) => i))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.25);
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const ticks = y.ticks(4).filter(Number.isInteger);
  return (
    <ChartSvg id={id} height={HEIGHT}>
      <YAxis ticks={ticks} y={y} format={String} width={WIDTH} />
      {series.map((layer) => (
        <g key={layer.key} className={SEVERITY_FILL[layer.key]}>
          {layer.map(([lo, hi], i) =>
            hi > lo ? (
              <rect key={i} x={x(i)} y={y(hi)} width={x.bandwidth()} height={y(lo) - y(hi)}>
                <title>{`${labels[i]}: ${hi - lo} ${layer.key}`}</title>
              </rect>
            ) : null,
          )}
        </g>
      ))}
      <XBandAxis labels={labels} x={(i) => x(i)!} bandwidth={x.bandwidth()} height={HEIGHT} />
    </ChartSvg>
  );
}

/** The same counts as a table: a row per label, a column per severity, and the total. */
export function SeverityTable({ heading, labels, counts }: { heading: string; labels: string[]; counts: Record<Severity, number>[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          {SEVERITIES.map((s) => (
            <th key={s} scope="col">
              {s}
            </th>
          ))}
          <th scope="col">All</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c, i) => (
          <tr key={labels[i]}>
            <th scope="row">{labels[i]}</th>
            {SEVERITIES.map((s) => (
              <td key={s}>{c[s]}</td>
            ))}
            <td>{SEVERITIES.reduce((a, s) => a + c[s], 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
