import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './charts.module.css';

/**
 * A chart: its title and description (also the SVG's accessible name and description), the SVG,
 * a legend, and the same data as a table behind "Show as table" (a native disclosure, so it works
 * without JavaScript and in print).
 */
export function ChartFrame({
  id,
  title,
  description,
  definition,
  legend,
  table,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  /** Link to the explanation of the figure on the "How is this computed?" page. */
  definition?: string;
  legend?: ReactNode;
  table: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className={styles.chart} aria-labelledby={`${id}-title`}>
      <figcaption className={styles.head}>
        <h3 id={`${id}-title`}>{title}</h3>
        <p id={`${id}-desc`}>
          {description}
          {definition ? (
            <>
              {' '}
              <Link href={definition}>How is this computed?</Link>
            </>
          ) : null}
        </p>
      </figcaption>
      {children}
      {legend ? <ul className={styles.legend}>{legend}</ul> : null}
      <details className={styles.table}>
        <summary>Show as table</summary>
        {table}
      </details>
    </figure>
  );
}

export function LegendItem({ swatch, children }: { swatch: string | undefined; children: ReactNode }) {
  return (
    <li>
      <span className={swatch} aria-hidden="true" />
      {children}
    </li>
  );
}

export const WIDTH = 680;
export const MARGIN = { top: 12, right: 16, bottom: 28, left: 56 };

/**
 * The SVG element every chart draws into: labelled by the frame's title and description. A chart
 * whose marks are links is a group (an image cannot hold interactive content).
 */
export function ChartSvg({ id, height, interactive = false, children }: { id: string; height: number; interactive?: boolean; children: ReactNode }) {
  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role={interactive ? 'group' : 'img'} aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMidYMid meet">
      {children}
    </svg>
  );
}

/** Horizontal grid lines with labels on the left, for a linear or log y scale. */
export function YAxis({ ticks, y, format, width }: { ticks: number[]; y: (v: number) => number; format: (v: number) => string; width: number }) {
  return (
    <g>
      {ticks.map((t) => (
        <g key={t}>
          <line className={styles.grid} x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
          <text className={styles.tick} x={MARGIN.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Category labels under a band scale, thinned so they never overlap. */
export function XBandAxis({ labels, x, bandwidth, height }: { labels: string[]; x: (i: number) => number; bandwidth: number; height: number }) {
  const every = Math.max(1, Math.ceil(labels.length / 12));
  return (
    <g>
      <line className={styles.axis} x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={height - MARGIN.bottom} y2={height - MARGIN.bottom} />
      {labels.map((label, i) =>
        i % every === 0 ? (
          <text key={i} className={styles.tick} x={x(i) + bandwidth / 2} y={height - MARGIN.bottom + 16} textAnchor="middle">
            {label}
          </text>
        ) : null,
      )}
    </g>
  );
}

export function EmptyChart({ children }: { children: ReactNode }) {
  return <p className={styles.empty}>{children}</p>;
}
