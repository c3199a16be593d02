import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ActionFigures } from '@/lib/metric-queries/dashboard';
import type { ApiPeriod } from '@/lib/metric-queries/api';
import { changeWord, type ChangeWord, type Stats } from '@/lib/metrics/stats';
import { exactSeconds, formatAvailability, formatSeconds, formatShare } from './format';
import styles from './metrics.module.css';

const WORD_CLASS: Record<ChangeWord, string | undefined> = {
  better: styles.better,
  worse: styles.worse,
  'no detectable change': styles.neutral,
  'not enough data': styles.neutral,
};

function Card({ label, value, title, definition, children }: { label: string; value: string; title?: string; definition: string; children?: ReactNode }) {
  return (
    <li className={styles.card}>
      <p className={styles.label}>
        <span>{label}</span>
        <Link href={definition} aria-label={`How is ${label} computed?`}>
          How?
        </Link>
      </p>
      <p className={styles.value} title={title}>
        {value}
      </p>
      {children}
    </li>
  );
}

function StatsDetail({ stats, total, previous, previousLabel }: { stats: Stats; total: number; previous: Stats; previousLabel: string }) {
  const word = changeWord(stats, previous);
  return (
    <>
      <p className={styles.detail}>
        known for {stats.n} of {total}
        {stats.ci90 ? ` · 90 % interval ${formatSeconds(stats.ci90[0])} – ${formatSeconds(stats.ci90[1])}` : ''}
      </p>
      <p className={styles.detail}>mean {formatSeconds(stats.mean)} · p90 {formatSeconds(stats.p90)}</p>
      <p className={styles.badges}>
        <span className={WORD_CLASS[word]} title={`Median ${previousLabel}: ${formatSeconds(previous.median)} (n ${previous.n})`}>
          {word === 'not enough data' ? 'not enough data to compare' : `${word} vs ${previousLabel}`}
        </span>
        {stats.lowSample ? <span className={styles.low}>low sample (n &lt; 10)</span> : null}
      </p>
    </>
  );
}

/**
 * The headline figures of a period. Durations lead with the median and say how many incidents
 * had them; a change against the previous period is "better" or "worse" only when the two 90 %
 * intervals do not overlap.
 */
export function HeadlineCards({ overall, previous, definitions }: { overall: ApiPeriod; previous: ApiPeriod; definitions: string }) {
  const resolved = overall.incidents.resolved;
  const prev = 'previous period';
  const duration = (key: 'ttr' | 'ttd' | 'tta' | 'ttm', label: string) => (
    <Card key={key} label={label} value={formatSeconds(overall[key].median)} title={exactSeconds(overall[key].median)} definition={`${definitions}#${key}`}>
      <StatsDetail stats={overall[key]} total={resolved} previous={previous[key]} previousLabel={prev} />
    </Card>
  );
  return (
    <ul className={styles.cards} aria-label="Headline figures">
      {duration('ttr', 'Median time to resolve')}
      <Card label="p90 time to resolve" value={formatSeconds(overall.ttr.p90)} title={exactSeconds(overall.ttr.p90)} definition={`${definitions}#ttr`}>
        <p className={styles.detail}>9 in 10 resolved incidents took at most this long</p>
        <p className={styles.detail}>
          {prev}: {formatSeconds(previous.ttr.p90)}
        </p>
      </Card>
      {duration('ttd', 'Median time to detect')}
      {duration('tta', 'Median time to acknowledge')}
      {duration('ttm', 'Median time to mitigate')}
      <Card label="MTBF" value={formatSeconds(overall.mtbfSeconds)} title={exactSeconds(overall.mtbfSeconds)} definition={`${definitions}#mtbf`}>
        <p className={styles.detail}>
          {overall.episodes} {overall.episodes === 1 ? 'episode' : 'episodes'} started · {prev}: {formatSeconds(previous.mtbfSeconds)}
        </p>
      </Card>
      <Card label="Availability" value={formatAvailability(overall.availability)} definition={`${definitions}#availability`}>
        <p className={styles.detail}>
          {formatSeconds(overall.downtimeSeconds)} of downtime · {prev}: {formatAvailability(previous.availability)}
        </p>
      </Card>
      <Card label="Open incidents" value={String(overall.incidents.open)} definition={`${definitions}#counts`}>
        <p className={styles.detail}>
          {overall.incidents.started} started · {resolved} resolved in this period
        </p>
      </Card>
    </ul>
  );
}

/** Remediation figures of METRICS.md section 5. */
export function ActionCards({ actions, definitions, actionsHref }: { actions: ActionFigures; definitions: string; actionsHref: string }) {
  const def = `${definitions}#actions`;
  return (
    <ul className={styles.cards} aria-label="Action item figures">
      <Card label="Open action items" value={String(actions.open)} definition={def}>
        <p className={styles.detail}>
          <Link href={actionsHref}>Open the action board</Link>
        </p>
      </Card>
      <Card label="Overdue" value={String(actions.overdue)} definition={def}>
        <p className={styles.detail}>due before today in the team’s time zone, not done</p>
      </Card>
      <Card label="Completion rate" value={formatShare(actions.completionRate)} definition={def}>
        <p className={styles.detail}>of {actions.createdInPeriod} items created in this period (won’t do excluded)</p>
      </Card>
      <Card label="Median time to close" value={formatSeconds(actions.medianTimeToCloseSeconds)} definition={def}>
        <p className={styles.detail}>{actions.completedInPeriod} items completed in this period</p>
      </Card>
      <Card label="With a prevent or detect action" value={formatShare(actions.preventOrDetectShare)} definition={def}>
        <p className={styles.detail}>of {actions.resolvedIncidents} incidents resolved in this period</p>
      </Card>
    </ul>
  );
}
