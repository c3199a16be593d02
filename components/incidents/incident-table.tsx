import Link from 'next/link';
import type { IncidentListItem } from '@/lib/incidents/queries';
import type { IncidentFilters, IncidentSort } from '@/lib/incidents/schemas';
import { KIND_LABEL, RestrictedBadge, SeverityBadge, StatusText } from './incident-badges';
import { formatDuration, formatInZone, incidentRef, utcTitle } from './format';
import { listHref } from './list-href';
import table from '@/components/audit/data-table.module.css';
import styles from './incident-table.module.css';

interface SortColumn {
  label: string;
  /** The sort a click applies, given the current one. */
  next: (current: IncidentSort) => IncidentSort;
  /** aria-sort when this column orders the list. */
  active: Partial<Record<IncidentSort, 'ascending' | 'descending'>>;
  describe: (next: IncidentSort) => string;
}

const COLUMNS: Record<'severity' | 'started' | 'ttr', SortColumn> = {
  severity: { label: 'Severity', next: () => 'severity', active: { severity: 'ascending' }, describe: () => 'most severe first' },
  started: {
    label: 'Started',
    next: (current) => (current === 'started_desc' ? 'started_asc' : 'started_desc'),
    active: { started_desc: 'descending', started_asc: 'ascending' },
    describe: (next) => (next === 'started_asc' ? 'oldest first' : 'newest first'),
  },
  ttr: { label: 'TTR', next: () => 'ttr', active: { ttr: 'descending' }, describe: () => 'longest time to resolve first' },
};

function SortHeader({ column, sort, href }: { column: SortColumn; sort: IncidentSort; href: (sort: IncidentSort) => string }) {
  const direction = column.active[sort];
  const next = column.next(sort);
  return (
    <th scope="col" aria-sort={direction}>
      <Link href={href(next)} className={styles.sortLink}>
        {column.label}
        <span aria-hidden="true" className={styles.sortMark}>
          {direction === 'ascending' ? '↑' : direction === 'descending' ? '↓' : '↕'}
        </span>
        <span className="visually-hidden">, sort {column.describe(next)}</span>
      </Link>
    </th>
  );
}

/** A header that does not sort; phones show only the sorting ones, as a row of sort links. */
function PlainHeader({ label }: { label: string }) {
  return (
    <th scope="col" className={styles.plainHead}>
      {label}
    </th>
  );
}

interface IncidentTableProps {
  items: IncidentListItem[];
  path: string;
  filters: IncidentFilters;
  sort: IncidentSort;
  zone: string;
  caption: string;
}

/** The incidents, one row each; Severity, Started and TTR headers sort the list (keeping the filters). */
export function IncidentTable({ items, path, filters, sort, zone, caption }: IncidentTableProps) {
  const href = (next: IncidentSort) => listHref(path, filters, { sort: next, page: 1 });
  return (
    <div className={`${table.wrap} ${styles.tableWrap}`} role="region" aria-label="Incidents" tabIndex={0}>
      <table className={`${table.table} ${styles.table}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <PlainHeader label="Incident" />
            <PlainHeader label="Title" />
            <SortHeader column={COLUMNS.severity} sort={sort} href={href} />
            <PlainHeader label="Kind" />
            <PlainHeader label="Status" />
            <SortHeader column={COLUMNS.started} sort={sort} href={href} />
            <SortHeader column={COLUMNS.ttr} sort={sort} href={href} />
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row" className={styles.ref}>
                {incidentRef(i.number)}
              </th>
              <td className={styles.title}>
                <Link href={`${path}/${i.number}`} className={styles.titleText}>
                  {i.title}
                </Link>
                {i.visibility === 'restricted' ? <RestrictedBadge /> : null}
                {i.services.length ? <span className={styles.sub}>{i.services.join(', ')}</span> : null}
              </td>
              <td className={styles.sevCell}>
                <SeverityBadge severity={i.severity} />
              </td>
              <td className={`${styles.kindCell} ${i.kind === 'drill' ? styles.drill : ''}`}>{KIND_LABEL[i.kind]}</td>
              <td className={styles.statusCell}>
                <StatusText status={i.status} postmortem={i.postmortemStatus} />
              </td>
              <td className={styles.startedCell} data-label="Started">
                <time dateTime={i.startedAt.toISOString()} title={utcTitle(i.startedAt)}>
                  {formatInZone(i.startedAt, zone)}
                </time>
              </td>
              <td className={styles.duration} data-label="TTR">
                {i.resolvedAt ? (
                  <span title={`Resolved ${utcTitle(i.resolvedAt)}`}>{formatDuration(i.resolvedAt.getTime() - i.startedAt.getTime())}</span>
                ) : (
                  <span className={table.muted}>
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">not resolved</span>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
