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
  const series = stack<Record<Severity, number>, Severity>().keys(SEVERITIES)(counts);
  const max = Math.max(1, ...counts.map((c) => SEVERITIES.reduce((a, s) => a + c[s], 0)));
  const x = scaleBand<number>()
    .domain(periods.map((_, i) => i))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.25);
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const ticks = y.ticks(4).filter(Number.isInteger);

  return (
    <ChartFrame
      id="severity"
      title={`Incidents started per ${bucket}, by severity`}
      description={`How many incidents started in each ${bucket}, stacked from SEV1 (bottom) to SEV4.`}
      legend={<SeverityLegend />}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{bucket === 'week' ? 'Week of' : 'Month'}</th>
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
              <tr key={periods[i]!.start}>
                <th scope="row">{labels[i]}</th>
                {SEVERITIES.map((s) => (
                  <td key={s}>{c[s]}</td>
                ))}
                <td>{SEVERITIES.reduce((a, s) => a + c[s], 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ChartSvg id="severity" height={HEIGHT}>
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
    </ChartFrame>
  );
}
