import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { AppError } from '@/lib/errors';
import { IncidentKind, IncidentStatus, Severity } from '@/lib/generated/prisma/enums';
import { choice, integer, knownParams, list, optionalInteger, parseLeniently, single, text } from '@/lib/query-params';
import { decodeCursor, isCursorSort, isIncidentCursor, type IncidentCursor } from './cursor';

export const INCIDENT_STATUSES = Object.values(IncidentStatus);
export const SEVERITIES = Object.values(Severity);
export const INCIDENT_KINDS = Object.values(IncidentKind);
/** `relevance` (ts_rank) is the default while searching; `ttr` is longest time to resolve first. */
export const INCIDENT_SORTS = ['relevance', 'started_desc', 'started_asc', 'severity', 'ttr'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 200;

/** The parameters of the list, in the order they are documented and echoed. */
export const INCIDENT_FILTER_KEYS = ['q', 'status', 'severity', 'service', 'kind', 'from', 'to', 'sort', 'page', 'pageSize'] as const;
export type IncidentFilterKey = (typeof INCIDENT_FILTER_KEYS)[number];
/** API only: cursor pagination (`limit` items after `cursor`), instead of page / pageSize. */
export const CURSOR_KEYS = ['cursor', 'limit'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The opaque text from the query string, or an already decoded cursor (filters are parsed again inside listIncidents). */
const cursorParam = z.preprocess(
  (value, ctx) => {
    const text = single('cursor')(value, ctx);
    if (typeof text !== 'string') return text;
    const cursor = decodeCursor(text);
    if (!cursor) ctx.addIssue({ code: 'custom', message: 'cursor is not one this API returned; start again without it.' });
    return cursor ?? undefined;
  },
  z.custom<IncidentCursor>(isIncidentCursor, 'cursor is not one this API returned; start again without it.').optional(),
);

/** The order applied: relevance while searching, newest first otherwise (relevance without a search is newest first). */
export function effectiveSort(f: { q?: string; sort?: IncidentSort }): IncidentSort {
  return f.sort === 'relevance' && !f.q ? 'started_desc' : (f.sort ?? (f.q ? 'relevance' : 'started_desc'));
}

/** A calendar day (YYYY-MM-DD, in the viewer's or the team's time zone) or an ISO-8601 instant with offset. */
const bound = (name: string) =>
  z.preprocess(
    single(name),
    pgText()
      .refine((s) => (DAY.test(s) ? !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) : z.iso.datetime({ offset: true }).safeParse(s).success), {
        message: `${name} must be a day (YYYY-MM-DD) or an ISO-8601 time with offset.`,
      })
      .optional(),
  );

/** Rough instant of a bound, only to check that `from` is not after `to` (a day counts from its UTC midnight). */
function roughInstant(value: string, end: boolean): number {
  if (!DAY.test(value)) return Date.parse(value);
  return Date.parse(`${value}T00:00:00Z`) + (end ? 86_400_000 - 1 : 0);
}

/**
 * The incidents list's filters, shared by the page (search params) and GET /api/v1/incidents
 * (query string). `from` / `to` filter on startedAt; a day-only `to` includes that whole day.
 */
export const incidentFiltersSchema = z
  .object({
    q: text('q', MAX_QUERY_LENGTH).meta({ description: 'Full-text search; results are sorted by relevance unless `sort` says otherwise.' }),
    status: list('status', INCIDENT_STATUSES).meta({ description: 'One or more statuses.' }),
    severity: list('severity', SEVERITIES, (s) => s.toUpperCase()).meta({ description: 'One or more severities (any case).' }),
    service: text('service', 100).meta({ description: 'A service name.' }),
    kind: choice('kind', INCIDENT_KINDS).meta({ description: 'incident or drill; both by default.' }),
    from: bound('from').meta({ description: 'Started at or after: a day (YYYY-MM-DD, in the team’s time zone) or an ISO-8601 instant with offset.' }),
    to: bound('to').meta({ description: 'Started before: a day (included whole) or an ISO-8601 instant with offset.' }),
    sort: choice('sort', INCIDENT_SORTS).meta({ description: 'relevance while searching, else started_desc; ttr is longest time to resolve first.' }),
    page: integer('page', 1, 100_000, 1).meta({ description: 'Page number (page pagination).' }),
    pageSize: integer('pageSize', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE).meta({ description: 'Items per page (page pagination).' }),
    cursor: cursorParam.meta({ description: 'The `nextCursor` of the previous response (cursor pagination).' }),
    limit: optionalInteger('limit', 1, MAX_PAGE_SIZE).meta({ description: 'Items per response (cursor pagination, default 25).' }),
  })
  .refine((f) => !f.from || !f.to || roughInstant(f.from, false) <= roughInstant(f.to, true), {
    path: ['to'],
    message: 'to must not be before from.',
  })
  .superRefine((f, ctx) => {
    if (!f.cursor && f.limit === undefined) return;
    const sort = effectiveSort(f);
    if (!isCursorSort(sort)) ctx.addIssue({ code: 'custom', path: ['cursor'], message: `cursor pagination needs sort=started_desc or sort=started_asc, not ${sort}; use page for other orders.` });
    else if (f.cursor && f.cursor.sort !== sort) ctx.addIssue({ code: 'custom', path: ['cursor'], message: `cursor was made for sort=${f.cursor.sort}; pass the same sort or start again without a cursor.` });
  });

export type IncidentFilters = z.infer<typeof incidentFiltersSchema>;
/** What callers may pass: parsed filters, or raw search params (parsed again inside). */
export type IncidentFiltersInput = Partial<IncidentFilters> | Record<string, string | string[] | undefined>;

export type FilterErrors = Partial<Record<IncidentFilterKey, string>>;

/**
 * For the page: a hand-edited or stale URL should still show a list. Each bad parameter is
 * reported (shown above the table) and dropped; the rest apply.
 */
export function parseFiltersLeniently(input: Record<string, string | string[] | undefined>): { filters: IncidentFilters; errors: FilterErrors } {
  const { value, errors } = parseLeniently(incidentFiltersSchema, INCIDENT_FILTER_KEYS, input);
  return { filters: value, errors };
}

/**
 * For the API: the query string, strictly. An unknown parameter or a bad value is a 422 that
 * names the parameter (a typo must not silently return the unfiltered list).
 */
export function parseIncidentQuery(params: URLSearchParams): IncidentFilters {
  // The schema's keys are the accepted parameters, so the OpenAPI document lists exactly these.
  const raw = knownParams(params, Object.keys(incidentFiltersSchema.shape));
  const cursorKey = CURSOR_KEYS.find((key) => params.has(key));
  if (cursorKey && (params.has('page') || params.has('pageSize'))) {
    const message = `${cursorKey} cannot be combined with page or pageSize: use cursor and limit, or page and pageSize.`;
    throw new AppError('VALIDATION', message, { fields: [{ path: [cursorKey], message }] });
  }
  return incidentFiltersSchema.parse(raw);
}
