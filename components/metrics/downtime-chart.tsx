import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { ChartFrame, ChartSvg, LegendItem, MARGIN, WIDTH, XBandAxis, YAxis } from '@/components/charts/chart-frame';
import styles from '@/components/charts/charts.module.css';
import type { ApiPeriod } from '@/lib/metric-queries/api';
import { bucketLabel, durationTicks, formatAvailability, formatSeconds } from './format';

const HEIGHT = 220;

/** Downtime (bars) and availability (line, right axis) per bucket (METRICS.md section 3). */
export function DowntimeChart({ periods, zone, bucket, definitions }: { periods: ApiPeriod[]; zone: string; bucket: 'week' | 'month'; definitions: string }) {
  const labels = periods.map((p) => bucketLabel(Date.parse(p.start), zone, bucket));
  const x = scaleBand<number>()
    .domain(periods.map((_, i) => i))
    .range([MARGIN.left, WIDTH - MARGIN.right - 40])
    .padding(0.25);
  const ticks = durationTicks(Math.max(60, ...periods.map((p) => p.downtimeSeconds)));
  const y = scaleLinear()
    .domain([0, ticks[ticks.length - 1]!])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const lowest = Math.min(...periods.map((p) => p.availability));
  const floor = Math.max(0, Math.min(0.99, Math.floor(lowest * 1000) / 1000));
  const ya = scaleLinear()
    .domain([floor, 1])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const availabilityLine = line<number>()
    .x((i) => x(i)! + x.bandwidth() / 2)
    .y((i) => ya(periods[i]!.availability));

  return (
    <ChartFrame
      id="downtime"
      title={`Downtime and availability per ${bucket}`}
      description="Bars: downtime, the time covered by at least one incident (overlapping incidents count once). Line, right axis: availability = 1 − downtime / length of the period."
      definition={`${definitions}#availability`}
      legend={
        <>
          <LegendItem swatch={styles.swatchBar}>Downtime</LegendItem>
          <LegendItem swatch={styles.swatchLine}>Availability</LegendItem>
        </>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{bucket === 'week' ? 'Week of' : 'Month'}</th>
              <th scope="col">Downtime</th>
              <th scope="col">Episodes</th>
              <th scope="col">MTBF</th>
              <th scope="col">Availability</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p, i) => (
              <tr key={p.start}>
                <th scope="row">{labels[i]}</th>
                <td title={`${p.downtimeSeconds} s`}>{formatSeconds(p.downtimeSeconds)}</td>
                <td>{p.episodes}</td>
                <td>{formatSeconds(p.mtbfSeconds)}</td>
                <td>{formatAvailability(p.availability)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ChartSvg id="downtime" height={HEIGHT}>
        <YAxis ticks={ticks} y={y} format={(v) => formatSeconds(v)} width={WIDTH - 40} />
        {[floor, (floor + 1) / 2, 1].map((t) => (
          <text key={t} className={styles.tick} x={WIDTH - MARGIN.right} y={ya(t)} dy="0.32em" textAnchor="end">
            {formatAvailability(t)}
          </text>
        ))}
        {periods.map((p, i) => (
          <rect key={p.start} className={styles.bar} x={x(i)} y={y(p.downtimeSeconds)} width={x.bandwidth()} height={y(0) - y(p.downtimeSeconds)}>
            <title>{`${labels[i]}: ${formatSeconds(p.downtimeSeconds)} down, availability ${formatAvailability(p.availability)}`}</title>
          </rect>
        ))}
        <path className={styles.line} d={availabilityLine(periods.map((_, i) => i)) ?? undefined} />
        <XBandAxis labels={labels} x={(i) => x(i)!} bandwidth={x.bandwidth()} height={HEIGHT} />
      </ChartSvg>
    </ChartFrame>
  );
}
