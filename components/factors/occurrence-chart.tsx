import { scaleBand, scaleLinear } from 'd3-scale';
import type { MonthCount } from '@/lib/factors/monthly';
import tables from '@/components/audit/data-table.module.css';
import styles from './factors.module.css';

const WIDTH = 640;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 32 };

/**
 * Incidents per month as server-rendered SVG bars (d3-scale computes the geometry; no client
 * JavaScript). The image has a title and a description for screen readers, and the same numbers
 * are one click away as a table.
 */
export function OccurrenceChart({ months, zone, factorName }: { months: MonthCount[]; zone: string; factorName: string }) {
  const total = months.reduce((sum, m) => sum + m.count, 0);
  const max = Math.max(1, ...months.map((m) => m.count));
  const x = scaleBand<string>().domain(months.map((m) => m.month)).range([MARGIN.left, WIDTH - MARGIN.right]).padding(0.25);
  const y = scaleLinear().domain([0, max]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const ticks = y.ticks(Math.min(4, y.domain()[1] ?? 1)).filter((t) => Number.isInteger(t));
  const busiest = months.reduce((best, m) => (m.count > best.count ? m : best), months[0] ?? { label: '', count: 0, month: '' });
  const first = months[0]?.label ?? '';
  const last = months.at(-1)?.label ?? '';
  const summary = total === 0
    ? `No incidents from ${first} to ${last}.`
    : `${total} ${total === 1 ? 'incident' : 'incidents'} from ${first} to ${last}; the most in ${busiest.label} (${busiest.count}).`;
  return (
    <figure>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="occurrence-title occurrence-desc">
        <title id="occurrence-title">{`Incidents per month with “${factorName}”, last 12 months (${zone})`}</title>
        <desc id="occurrence-desc">{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line className={styles.gridLine} x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} />
            <text className={styles.axis} x={MARGIN.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {months.map((m) => {
          const left = x(m.month) ?? 0;
          const top = y(m.count);
          return (
            <g key={m.month}>
              {m.count > 0 ? <rect className={styles.bar} x={left} y={top} width={x.bandwidth()} height={HEIGHT - MARGIN.bottom - top} rx={2} /> : null}
              <text className={styles.axis} x={left + x.bandwidth() / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
                {m.label.slice(0, 3)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.muted}>{summary} Months are calendar months in {zone}; drills are not counted.</figcaption>
      <details>
        <summary>Show as table</summary>
        <div className={tables.wrap}>
          <table className={tables.table}>
            <caption className={styles.muted}>Incidents per month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className={styles.numeric}>
                  Incidents
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.label}</th>
                  <td className={styles.numeric}>{m.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
