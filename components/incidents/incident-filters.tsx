import Link from 'next/link';
import { DroppedParams } from '@/components/forms/dropped-params';
import { Field, SelectField } from '@/components/forms/fields';
import { DEFAULT_PAGE_SIZE, INCIDENT_KINDS, INCIDENT_STATUSES, SEVERITIES, type FilterErrors, type IncidentFilters } from '@/lib/incidents/schemas';
import { KIND_LABEL, STATUS_LABEL } from './incident-badges';
import styles from './incident-filters.module.css';

/** A row of checkboxes submitting one repeated parameter, with its error below (also used by the metrics filters). */
export function CheckboxGroup({ legend, name, options, checked, error, idPrefix = 'incident' }: { legend: string; name: string; options: readonly { value: string; label: string }[]; checked: readonly string[]; error?: string; idPrefix?: string }) {
  const errorId = `${idPrefix}-${name}-error`;
  return (
    <fieldset className={styles.checks} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.checkRow}>
        {options.map((o) => (
          <label key={o.value} className={styles.check}>
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <p id={errorId} className={styles.fieldError} aria-live="polite">
        {error ?? ''}
      </p>
    </fieldset>
  );
}

interface IncidentFiltersProps {
  path: string;
  filters: IncidentFilters;
  errors: FilterErrors;
  services: string[];
  zone: string;
}

/**
 * A plain GET form: the view lives in the query string, so it can be bookmarked and shared, and
 * it works without JavaScript. Submitting starts again at page 1; an explicit sort is kept.
 * Keyed by the filters so that following a link resets the inputs too. Below it, the parameters
 * of the address that were not understood and were left out.
 */
export function IncidentFilterBar({ path, filters, errors, services, zone }: IncidentFiltersProps) {
  const state = { fieldErrors: errors as Record<string, string> };
  const serviceOptions = [{ value: '', label: 'Any service' }, ...services.map((s) => ({ value: s, label: s }))];
  if (filters.service && !services.includes(filters.service)) serviceOptions.push({ value: filters.service, label: filters.service });
  const kinds = [{ value: '', label: 'All kinds' }, ...INCIDENT_KINDS.map((k) => ({ value: k, label: `${KIND_LABEL[k]}s only` }))];
  const dayOnly = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');
  return (
    <>
      <form key={JSON.stringify(filters)} method="get" action={path} className={styles.filters} role="search" aria-label="Filter incidents">
        <div className={styles.searchRow}>
          <Field
            label="Search"
            name="q"
            id="incident-q"
            type="search"
            state={state}
            defaultValue={filters.q ?? ''}
            maxLength={200}
            hint={<>Titles, summaries, post-mortems and timelines: words, &quot;a phrase&quot;, or, -word, or INC-42.</>}
          />
        </div>
        <div className={styles.filterRow}>
          <CheckboxGroup legend="Status" name="status" options={INCIDENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))} checked={filters.status ?? []} error={errors.status} />
          <CheckboxGroup legend="Severity" name="severity" options={SEVERITIES.map((s) => ({ value: s, label: s }))} checked={filters.severity ?? []} error={errors.severity} />
          <SelectField label="Kind" name="kind" id="incident-kind" options={kinds} state={state} defaultValue={filters.kind ?? ''} />
          <SelectField label="Service" name="service" id="incident-service" options={serviceOptions} state={state} defaultValue={filters.service ?? ''} />
          <Field label="Started from" name="from" id="incident-from" type="date" state={state} defaultValue={dayOnly(filters.from)} />
          <Field label="Started to" name="to" id="incident-to" type="date" state={state} defaultValue={dayOnly(filters.to)} />
        </div>
        {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        {filters.pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="pageSize" value={filters.pageSize} /> : null}
        <div className={styles.filterActions}>
          <button type="submit" className="button button-primary">
            Apply filters
          </button>
          <Link href={path}>Clear filters</Link>
          <span className={styles.zoneNote}>Dates are days in {zone}, both inclusive.</span>
        </div>
      </form>
      <DroppedParams errors={errors} className={styles.notice} />
    </>
  );
}
