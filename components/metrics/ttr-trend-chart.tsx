import { scaleBand, scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { ChartFrame, ChartSvg, EmptyChart, LegendItem, MARGIN, WIDTH, XBandAxis, YAxis } from '@/components/charts/chart-frame';
import styles from '@/components/charts/charts.module.css';
import type { ApiPeriod } from '@/lib/metric-queries/api';
import { bucketLabel, durationTicks, exactSeconds, formatSeconds } from './format';

const HEIGHT = 240;

/** Median TTR per bucket with its ci90 band, and the p90 line (METRICS.md section 2). */
export function TtrTrendChart({ periods, zone, bucket, definitions }: { periods: ApiPeriod[]; zone: string; bucket: 'week' | 'month'; definitions: string }) {
  const labels = periods.map((p) => bucketLabel(Date.parse(p.start), zone, bucket));
  const known = periods.filter((p) => p.ttr.n > 0);
  const max = Math.max(0, ...known.map((p) => Math.max(p.ttr.p90 ?? 0, p.ttr.ci90?.[1] ?? 0, p.ttr.median ?? 0)));
  const x = scaleBand<number>()
    .domain(periods.map((_, i) => i))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const ticks = durationTicks(max || 60);
  const y = scaleLinear()
    .domain([0, ticks[ticks.length - 1]!])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const cx = (i: number) => x(i)! + x.bandwidth() / 2;
  const indexed = periods.map((p, i) => ({ p, i }));
  const band = area<{ p: ApiPeriod; i: number }>()
    .defined((d) => d.p.ttr.ci90 !== null)
    .x((d) => cx(d.i))
    .y0((d) => y(d.p.ttr.ci90![0]))
    .y1((d) => y(d.p.ttr.ci90![1]));
  const medianLine = line<{ p: ApiPeriod; i: number }>()
    .defined((d) => d.p.ttr.median !== null)
    .x((d) => cx(d.i))
    .y((d) => y(d.p.ttr.median!));
  const p90Line = line<{ p: ApiPeriod; i: number }>()
    .defined((d) => d.p.ttr.p90 !== null)
    .x((d) => cx(d.i))
    .y((d) => y(d.p.ttr.p90!));

  return (
    <ChartFrame
      id="ttr-trend"
      title={`Time to resolve per ${bucket}`}
      description={`Median TTR of the incidents resolved in each ${bucket}, its 90 % bootstrap interval (band) and the 90th percentile (dashed). Gaps are ${bucket}s with no resolved incident.`}
      definition={`${definitions}#ttr`}
      legend={
        <>
          <LegendItem swatch={styles.swatchMedian}>Median</LegendItem>
          <LegendItem swatch={styles.swatchBand}>90 % interval of the median</LegendItem>
          <LegendItem swatch={styles.swatchP90}>p90</LegendItem>
        </>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{bucket === 'week' ? 'Week of' : 'Month'}</th>
              <th scope="col">Resolved (n)</th>
              <th scope="col">Median</th>
              <th scope="col">90 % interval</th>
              <th scope="col">p90</th>
              <th scope="col">Mean</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p, i) => (
              <tr key={p.start}>
                <th scope="row">{labels[i]}</th>
                <td>{p.ttr.n}</td>
                <td title={exactSeconds(p.ttr.median)}>{formatSeconds(p.ttr.median)}</td>
                <td>{p.ttr.ci90 ? `${formatSeconds(p.ttr.ci90[0])} – ${formatSeconds(p.ttr.ci90[1])}` : '—'}</td>
                <td title={exactSeconds(p.ttr.p90)}>{formatSeconds(p.ttr.p90)}</td>
                <td title={exactSeconds(p.ttr.mean)}>{formatSeconds(p.ttr.mean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {known.length === 0 ? (
        <EmptyChart>No incident was resolved in this period.</EmptyChart>
      ) : (
        <ChartSvg id="ttr-trend" height={HEIGHT}>
          <YAxis ticks={ticks} y={y} format={(v) => formatSeconds(v)} width={WIDTH} />
          <path className={styles.band} d={band(indexed) ?? undefined} />
          <path className={styles.p90} d={p90Line(indexed) ?? undefined} />
          <path className={styles.median} d={medianLine(indexed) ?? undefined} />
          {indexed
            .filter((d) => d.p.ttr.median !== null)
            .map((d) => (
              <circle key={d.i} className={styles.point} cx={cx(d.i)} cy={y(d.p.ttr.median!)} r={3}>
                <title>{`${labels[d.i]}: median ${formatSeconds(d.p.ttr.median)} (n ${d.p.ttr.n})`}</title>
              </circle>
            ))}
          <XBandAxis labels={labels} x={(i) => x(i)!} bandwidth={x.bandwidth()} height={HEIGHT} />
        </ChartSvg>
      )}
    </ChartFrame>
  );
}
