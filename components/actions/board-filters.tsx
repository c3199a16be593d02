import Link from 'next/link';
import { DroppedParams } from '@/components/forms/dropped-params';
import { SelectField } from '@/components/forms/fields';
import type { Option } from '@/lib/actions/queries';
import { ACTION_PRIORITIES, ACTION_SORTS, ACTION_STATUSES, ACTION_TYPES, SORT_LABEL, STATUS_LABEL, TYPE_LABEL, type ActionFilterErrors, type ActionFilters } from '@/lib/actions/schemas';
import styles from './actions.module.css';

interface BoardFiltersProps {
  path: string;
  filters: ActionFilters;
  errors: ActionFilterErrors;
  members: Option[];
  incidents: Option[];
  factors: Option[];
  zone: string;
}

const any = (label: string, options: readonly Option[]) => [{ value: '', label }, ...options];

/** A plain GET form: the board's view lives in the URL (bookmarkable, works without JavaScript). */
export function BoardFilters({ path, filters, errors, members, incidents, factors, zone }: BoardFiltersProps) {
  const state = { fieldErrors: errors as Record<string, string> };
  return (
    <>
      <form key={JSON.stringify(filters)} method="get" action={path} role="search" aria-label="Filter actions">
        <div className={styles.filters}>
          <SelectField label="Status" name="status" id="board-status" state={state} defaultValue={filters.status?.length === 1 ? filters.status[0] : ''} options={any('Any status', ACTION_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })))} />
          <SelectField label="Owner" name="owner" id="board-owner" state={state} defaultValue={filters.owner ?? ''} options={[...any('Anyone', members), { value: 'none', label: 'No owner' }]} />
          <SelectField label="Type" name="type" id="board-type" state={state} defaultValue={filters.type?.length === 1 ? filters.type[0] : ''} options={any('Any type', ACTION_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] })))} />
          <SelectField label="Priority" name="priority" id="board-priority" state={state} defaultValue={filters.priority?.length === 1 ? filters.priority[0] : ''} options={any('Any priority', ACTION_PRIORITIES.map((p) => ({ value: p, label: p })))} />
          <SelectField label="Incident" name="incident" id="board-incident" state={state} defaultValue={filters.incident ?? ''} options={any('Any incident', incidents)} />
          <SelectField label="Factor" name="factor" id="board-factor" state={state} defaultValue={filters.factor ?? ''} options={any('Any factor', factors)} />
          <SelectField label="Sort" name="sort" id="board-sort" state={state} defaultValue={filters.sort ?? 'due'} options={ACTION_SORTS.map((s) => ({ value: s, label: SORT_LABEL[s] }))} />
          <label className={styles.check}>
            <input type="checkbox" name="overdue" value="true" defaultChecked={filters.overdue} />
            Overdue only
          </label>
        </div>
        <div className={styles.filterActions}>
          <button type="submit" className="button button-primary">
            Apply filters
          </button>
          <Link href={path}>Clear filters</Link>
          <span className={styles.sub}>Overdue: open or in progress, due before today in {zone}.</span>
        </div>
      </form>
      <DroppedParams errors={errors} className={styles.conflict} />
    </>
  );
}
