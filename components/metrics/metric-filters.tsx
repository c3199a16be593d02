import Link from 'next/link';
import { Field, SelectField } from '@/components/forms/fields';
import { CheckboxGroup } from '@/components/incidents/incident-filters';
import filterStyles from '@/components/incidents/incident-filters.module.css';
import { SEVERITIES } from '@/lib/incidents/schemas';
import { RANGE_LABEL, RANGES, viewQuery, type DashboardView, type ViewErrors } from '@/lib/metric-queries/view';
import styles from './metrics.module.css';

/**
 * The dashboard's view as a plain GET form: everything lands in the URL, so a view can be
 * bookmarked and shared, and it works without JavaScript. Incidents and drills are separate views
 * (drills never enter the reliability figures).
 */
export function MetricFilters({ path, view, errors, services, zone }: { path: string; view: DashboardView; errors: ViewErrors; services: string[]; zone: string }) {
  const state = { fieldErrors: errors as Record<string, string> };
  const serviceOptions = [{ value: '', label: 'All services' }, ...services.map((s) => ({ value: s, label: s }))];
  if (view.service && !services.includes(view.service)) serviceOptions.push({ value: view.service, label: view.service });
  const bad = Object.entries(errors);
  return (
    <>
      <ul className={styles.kindTabs} aria-label="Incidents or drills">
        {(['incident', 'drill'] as const).map((kind) => (
          <li key={kind}>
            <Link href={`${path}${viewQuery(view, { kind })}`} className={view.kind === kind ? 'button button-primary' : 'button'} aria-current={view.kind === kind ? 'page' : undefined}>
              {kind === 'incident' ? 'Incidents' : 'Drills'}
            </Link>
          </li>
        ))}
      </ul>
      <form key={JSON.stringify(view)} method="get" action={path} className={filterStyles.filters} aria-label="Metrics period and filters">
        <div className={filterStyles.filterRow}>
          <SelectField label="Period" name="range" id="metrics-range" options={RANGES.map((r) => ({ value: r, label: RANGE_LABEL[r] }))} state={state} defaultValue={view.range} />
          <Field label="From (custom)" name="from" id="metrics-from" type="date" state={state} defaultValue={view.fromDay ?? ''} />
          <Field label="To (custom)" name="to" id="metrics-to" type="date" state={state} defaultValue={view.toDay ?? ''} />
          <SelectField label="Buckets" name="bucket" id="metrics-bucket" options={[{ value: 'week', label: 'Weeks' }, { value: 'month', label: 'Months' }]} state={state} defaultValue={view.bucket} />
          <CheckboxGroup idPrefix="metrics" legend="Severity" name="severity" options={SEVERITIES.map((s) => ({ value: s, label: s }))} checked={view.severities} error={errors.severity} />
          <SelectField label="Service" name="service" id="metrics-service" options={serviceOptions} state={state} defaultValue={view.service ?? ''} />
        </div>
        {view.kind !== 'incident' ? <input type="hidden" name="kind" value={view.kind} /> : null}
        <div className={filterStyles.filterActions}>
          <button type="submit" className="button button-primary">
            Show
          </button>
          <Link href={path}>Reset</Link>
          <span className={filterStyles.zoneNote}>
            Buckets start at local midnight in {zone} (weeks on Monday). Custom days are inclusive.
          </span>
        </div>
      </form>
      {bad.length ? (
        <p className={styles.errors} role="status">
          Left out of this view: {bad.map(([key, message]) => `${key} (${message})`).join('; ')}
        </p>
      ) : null}
    </>
  );
}
