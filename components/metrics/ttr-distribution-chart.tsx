import Link from 'next/link';
import { scaleLog } from 'd3-scale';
import { ChartFrame, ChartSvg, EmptyChart, MARGIN, WIDTH } from '@/components/charts/chart-frame';
import styles from '@/components/charts/charts.module.css';
import { incidentRef } from '@/components/incidents/format';
import type { TtrDot } from '@/lib/metric-queries/dashboard';
import { formatSeconds } from './format';
import { SeverityBars, SeverityTable } from './severity-chart';
import { SeverityLegend, SEVERITY_FILL } from './severity-legend';
import { MAX_TTR_DOTS, ttrBands } from './ttr-bands';

const R = 5;

/**
 * Every resolved incident as a dot on a log scale of TTR (a dot plot: dots in the same column
 * stack), each a link to its incident. Durations are skewed, so the spread matters more than
 * the mean.
 */
export function TtrDistributionChart({ dots, incidentsHref, definitions }: { dots: TtrDot[]; incidentsHref: string; definitions: string }) {
  if (dots.length > MAX_TTR_DOTS) return <TtrBandsChart dots={dots} incidentsHref={incidentsHref} definitions={definitions} />;
  const values = dots.map((d) => Math.max(d.ttrSeconds, 1));
  const lo = Math.min(...values, 60);
  const hi = Math.max(...values, 3600);
  const x = scaleLog()
    .domain([lo, hi])
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .nice();
  // Stack dots whose columns collide.
  const column = (v: number) => Math.round((x(v) - MARGIN.left) / (2 * R));
  const heights = new Map<number, number>();
  const placed = [...dots]
    .sort((a, b) => a.ttrSeconds - b.ttrSeconds)
    .map((d) => {
      const c = column(Math.max(d.ttrSeconds, 1));
      const level = heights.get(c) ?? 0;
      heights.set(c, level + 1);
      return { d, cx: MARGIN.left + c * 2 * R + R, level };
    });
  const maxLevel = Math.max(1, ...heights.values());
  const height = Math.max(120, MARGIN.top + MARGIN.bottom + maxLevel * 2 * R + 8);
  const baseline = height - MARGIN.bottom;
  const [d0, d1] = x.domain() as [number, number];
  const ticks = [1, 10, 60, 600, 3600, 6 * 3600, 86_400, 7 * 86_400, 30 * 86_400].filter((t) => t >= d0 && t <= d1);

  return (
    <ChartFrame
      id="ttr-dots"
      title="Distribution of time to resolve"
      description={`Each dot is one incident resolved in this period (${dots.length}), placed on a logarithmic TTR scale and coloured by severity; select a dot to open the incident.`}
      definition={`${definitions}#ttr`}
      legend={<SeverityLegend />}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Severity</th>
              <th scope="col">TTR</th>
            </tr>
          </thead>
          <tbody>
            {[...dots]
              .sort((a, b) => b.ttrSeconds - a.ttrSeconds)
              .map((d) => (
                <tr key={d.number}>
                  <th scope="row">
                    <Link href={`${incidentsHref}/${d.number}`}>
                      {incidentRef(d.number)} {d.title}
                    </Link>
                  </th>
                  <td>{d.severity}</td>
                  <td title={`${d.ttrSeconds} s`}>{formatSeconds(d.ttrSeconds)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      }
    >
      {dots.length === 0 ? (
        <EmptyChart>No incident was resolved in this period.</EmptyChart>
      ) : (
        <ChartSvg id="ttr-dots" height={height} interactive>
          <line className={styles.axis} x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={baseline} y2={baseline} />
          {ticks.map((t) => (
            <g key={t}>
              <line className={styles.grid} x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={baseline} />
              <text className={styles.tick} x={x(t)} y={baseline + 16} textAnchor="middle">
                {formatSeconds(t)}
              </text>
            </g>
          ))}
          {placed.map(({ d, cx, level }) => (
            <Link key={d.number} href={`${incidentsHref}/${d.number}`} aria-label={`${incidentRef(d.number)} ${d.title}: ${d.severity}, TTR ${formatSeconds(d.ttrSeconds)}`}>
              <circle className={`${styles.dot} ${SEVERITY_FILL[d.severity]}`} cx={cx} cy={baseline - R - 1 - level * 2 * R} r={R}>
                <title>{`${incidentRef(d.number)} ${d.title}: ${d.severity}, TTR ${formatSeconds(d.ttrSeconds)}`}</title>
              </circle>
            </Link>
          ))}
        </ChartSvg>
      )}
    </ChartFrame>
  );
}

/** More incidents than dots can show: how many resolved within each TTR band, stacked by severity. */
function TtrBandsChart({ dots, incidentsHref, definitions }: { dots: TtrDot[]; incidentsHref: string; definitions: string }) {
  const bands = ttrBands(dots);
  const labels = bands.map((b) => b.label);
  const counts = bands.map((b) => b.counts);
  return (
    <ChartFrame
      id="ttr-dots"
      title="Distribution of time to resolve"
      description={
        <>
          How many of the {dots.length} incidents resolved in this period took each band of time to resolve, stacked by severity (too many for one dot each;{' '}
          <Link href={`${incidentsHref}?sort=ttr`}>the incident list sorted by time to resolve</Link> lists them one by one).
        </>
      }
      definition={`${definitions}#ttr`}
      legend={<SeverityLegend />}
      table={<SeverityTable heading="Time to resolve" labels={labels} counts={counts} />}
    >
      <SeverityBars id="ttr-dots" labels={labels} counts={counts} />
    </ChartFrame>
  );
}
