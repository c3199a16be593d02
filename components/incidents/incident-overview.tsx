import type { IncidentDurations } from '@/lib/incidents/durations';
import { DURATION_LABELS } from '@/lib/incidents/durations';
import { TIMESTAMP_FIELDS, TIMESTAMP_LABELS } from '@/lib/incidents/incident-schemas';
import type { IncidentRecord } from '@/lib/incidents/record';
import { formatDuration, formatInZone } from './format';
import styles from './incident-page.module.css';

/** A time in the reader's zone, with the exact UTC instant on hover (title) and in dateTime. */
function ZonedTime({ date, zone }: { date: Date; zone: string }) {
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {formatInZone(date, zone)}
    </time>
  );
}

function Unknown({ what }: { what: string }) {
  return (
    <span className={styles.muted} title={what}>
      unknown
    </span>
  );
}

export function IncidentTimestamps({ incident, zone }: { incident: IncidentRecord; zone: string }) {
  return (
    <dl className={styles.facts}>
      {TIMESTAMP_FIELDS.map((field) => {
        const value = incident[field];
        return [
          <dt key={`${field}-t`}>{TIMESTAMP_LABELS[field]}</dt>,
          <dd key={`${field}-d`}>{value ? <ZonedTime date={value} zone={zone} /> : <Unknown what="Not recorded" />}</dd>,
        ];
      })}
    </dl>
  );
}

/** TTD, TTA, TTM, TTR as h:mm:ss; the exact seconds (milliseconds kept) in the title. */
export function IncidentDurationList({ durations }: { durations: IncidentDurations }) {
  return (
    <dl className={styles.facts}>
      {(Object.keys(DURATION_LABELS) as (keyof IncidentDurations)[]).map((key) => {
        const label = DURATION_LABELS[key];
        const ms = durations[key];
        return [
          <dt key={`${key}-t`}>
            <abbr title={label.long}>{label.short}</abbr>
          </dt>,
          <dd key={`${key}-d`}>
            {ms === null ? <Unknown what={`${label.long} (${label.formula}): a timestamp is missing`} /> : <span title={`${label.long} (${label.formula}): ${(ms / 1000).toFixed(3)} s`}>{formatDuration(ms)}</span>}
          </dd>,
        ];
      })}
    </dl>
  );
}
