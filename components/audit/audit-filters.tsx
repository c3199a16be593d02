import Link from 'next/link';
import { Field, SelectField } from '@/components/forms/fields';
import type { AuditFilterOptions } from '@/lib/audit/queries';
import type { AuditFilters as Filters } from '@/lib/audit/schemas';
import styles from './audit.module.css';

/**
 * A plain GET form: the filters live in the query string, so a filtered view can be bookmarked
 * and shared. Keyed by the current filters so that "Clear" resets the inputs too.
 */
export function AuditFilters({ path, filters, options }: { path: string; filters: Filters; options: AuditFilterOptions }) {
  const actions = [{ value: '', label: 'All actions' }, ...options.actions.map((a) => ({ value: a, label: `${a}.*` }))];
  const actors = [{ value: '', label: 'Anyone' }, ...options.actors];
  // A filter from a link may name an actor no longer in the options; keep it selectable.
  if (filters.actor && !actors.some((a) => a.value === filters.actor)) actors.push({ value: filters.actor, label: 'Selected actor' });
  if (filters.action && !actions.some((a) => a.value === filters.action)) actions.push({ value: filters.action, label: `${filters.action}.*` });
  return (
    <form key={JSON.stringify(filters)} method="get" action={path} className={styles.filters} aria-label="Filter the audit log">
      <SelectField label="Action" name="action" id="audit-action" options={actions} defaultValue={filters.action ?? ''} />
      <SelectField label="Actor" name="actor" id="audit-actor" options={actors} defaultValue={filters.actor ?? ''} />
      <Field label="From (UTC day)" name="from" id="audit-from" type="date" defaultValue={filters.from ?? ''} />
      <Field label="To (UTC day, inclusive)" name="to" id="audit-to" type="date" defaultValue={filters.to ?? ''} />
      <div className={styles.filterActions}>
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
        <Link href={path}>Clear</Link>
      </div>
    </form>
  );
}
