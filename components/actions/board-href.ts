import { DEFAULT_ACTION_PAGE_SIZE, type ActionFilters } from '@/lib/actions/schemas';

/** The board's query string for `filters` with some changed (defaults left out, so URLs stay short). */
export function boardQuery(filters: ActionFilters, change: Partial<ActionFilters> = {}): string {
  const f = { ...filters, ...change };
  const q = new URLSearchParams();
  for (const s of f.status ?? []) q.append('status', s);
  for (const t of f.type ?? []) q.append('type', t);
  for (const p of f.priority ?? []) q.append('priority', p);
  if (f.owner) q.set('owner', f.owner);
  if (f.overdue) q.set('overdue', 'true');
  if (f.incident) q.set('incident', f.incident);
  if (f.factor) q.set('factor', f.factor);
  if (f.sort) q.set('sort', f.sort);
  if (f.page > 1) q.set('page', String(f.page));
  if (f.pageSize !== DEFAULT_ACTION_PAGE_SIZE) q.set('pageSize', String(f.pageSize));
  return q.toString();
}

export function boardHref(path: string, filters: ActionFilters, change: Partial<ActionFilters> = {}): string {
  const query = boardQuery(filters, change);
  return query ? `${path}?${query}` : path;
}

export function isBoardFiltered(f: ActionFilters): boolean {
  return Boolean(f.status?.length || f.type?.length || f.priority?.length || f.owner || f.overdue || f.incident || f.factor);
}
