import { DEFAULT_PAGE_SIZE, type IncidentFilters } from '@/lib/incidents/schemas';

/**
 * The list's URL for `filters` with some of them changed: every link (sort headers, pages, "sort
 * by best match") keeps the rest of the view. Defaults are left out, so URLs stay short.
 */
export function listHref(path: string, filters: IncidentFilters, change: Partial<IncidentFilters> = {}): string {
  const f = { ...filters, ...change };
  const q = new URLSearchParams();
  if (f.q) q.set('q', f.q);
  for (const s of f.status ?? []) q.append('status', s);
  for (const s of f.severity ?? []) q.append('severity', s);
  if (f.service) q.set('service', f.service);
  if (f.kind) q.set('kind', f.kind);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.sort) q.set('sort', f.sort);
  if (f.page > 1) q.set('page', String(f.page));
  if (f.pageSize !== DEFAULT_PAGE_SIZE) q.set('pageSize', String(f.pageSize));
  const query = q.toString();
  return query ? `${path}?${query}` : path;
}

/** True when anything narrows the list (sorting and paging do not). */
export function isFiltered(f: IncidentFilters): boolean {
  return Boolean(f.q || f.status?.length || f.severity?.length || f.service || f.kind || f.from || f.to);
}
