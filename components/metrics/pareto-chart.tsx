import Link from 'next/link';
import { scaleBand, scaleLinear } from 'd3-scale';
import { ChartFrame, ChartSvg, EmptyChart } from '@/components/charts/chart-frame';
import styles from '@/components/charts/charts.module.css';
import type { ParetoRow } from '@/lib/metric-queries/dashboard';
import { formatSeconds } from './format';

const ROW = 22;
const LABEL = 190;
const TOP = 12;

/**
 * A Pareto of contributing factors or categories: incidents started in the period each
 * contributed to, largest first, with the cumulative share, and their summed TTR in the table.
 */
export function ParetoChart({ id, title, rows, definitions, limit = 10 }: { id: string; title: string; rows: ParetoRow[]; definitions: string; limit?: number }) {
  const shown = rows.slice(0, limit);
  const height = TOP + shown.length * ROW + 8;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...shown.map((r) => r.incidents))])
    .range([LABEL, 600]);
  const y = scaleBand<number>()
    .domain(shown.map((_, i) => i))
    .range([TOP, TOP + shown.length * ROW])
    .padding(0.25);

  return (
    <ChartFrame
      id={id}
      title={title}
      description={`Incidents started in this period that each one contributed to, largest first${rows.length > limit ? ` (top ${limit} of ${rows.length})` : ''}, with the cumulative share of all links.`}
      definition={`${definitions}#factors`}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Incidents</th>
              <th scope="col">Cumulative share</th>
              <th scope="col">Summed TTR</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.href ? <Link href={r.href}>{r.label}</Link> : r.label}</th>
                <td>{r.incidents}</td>
                <td>{Math.round(r.cumulativeShare * 100)} %</td>
                <td title={`${r.ttrSeconds} s over ${r.ttrKnown} resolved`}>
                  {formatSeconds(r.ttrSeconds)}
                  {r.ttrKnown < r.incidents ? ` (${r.ttrKnown} of ${r.incidents} resolved)` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {shown.length === 0 ? (
        <EmptyChart>No contributing factor is linked to an incident started in this period.</EmptyChart>
      ) : (
        <ChartSvg id={id} height={height}>
          {shown.map((r, i) => (
            <g key={r.key}>
              <text className={styles.tick} x={LABEL - 8} y={y(i)! + y.bandwidth() / 2} dy="0.32em" textAnchor="end">
                {r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label}
              </text>
              <rect className={styles.bar} x={LABEL} y={y(i)} width={Math.max(1, x(r.incidents) - LABEL)} height={y.bandwidth()}>
                <title>{`${r.label}: ${r.incidents} incidents, summed TTR ${formatSeconds(r.ttrSeconds)}`}</title>
              </rect>
              <text className={styles.tick} x={x(r.incidents) + 6} y={y(i)! + y.bandwidth() / 2} dy="0.32em">
                {`${r.incidents} · ${Math.round(r.cumulativeShare * 100)} %`}
              </text>
            </g>
          ))}
        </ChartSvg>
      )}
    </ChartFrame>
  );
}
