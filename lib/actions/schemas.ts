import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';
import type { FieldIssue } from '@/lib/errors';
import { choice, integer, knownParams, list, optionalInteger, parseLeniently, single } from '@/lib/query-params';

export const ACTION_TYPES = ['prevent', 'detect', 'mitigate', 'process'] as const;
export const ACTION_PRIORITIES = ['P1', 'P2', 'P3'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
export type ActionTypeName = (typeof ACTION_TYPES)[number];
export type ActionPriorityName = (typeof ACTION_PRIORITIES)[number];
export type ActionStatusName = (typeof ACTION_STATUSES)[number];

export const TYPE_LABEL: Record<ActionTypeName, string> = { prevent: 'Prevent', detect: 'Detect', mitigate: 'Mitigate', process: 'Process' };
export const STATUS_LABEL: Record<ActionStatusName, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', wont_do: 'Won’t do' };

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 5000;
export const MAX_REASON = 1000;
export const MAX_TICKET_URL = 2000;
export const MAX_BULK = 100;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Forms send "" for an empty field: that is "not given" on create and "clear it" on edit. */
const blankTo = <T>(to: T) => (v: unknown) => (typeof v === 'string' && v.trim() === '' ? to : v);

const title = pgText().trim().min(1, 'Give the action a title').max(MAX_TITLE, `At most ${MAX_TITLE} characters`).meta({ description: 'What will be done.' });
const description = pgText().trim().max(MAX_DESCRIPTION, `At most ${MAX_DESCRIPTION} characters`).meta({ description: 'Details, in Markdown.' });
const type = z.enum(ACTION_TYPES, { message: 'Choose prevent, detect, mitigate or process' }).meta({ description: 'What it does against a recurrence.' });
const priority = z.enum(ACTION_PRIORITIES, { message: 'Choose P1, P2 or P3' }).meta({ description: 'P1 is the most urgent.' });
const status = z.enum(ACTION_STATUSES, { message: 'Choose open, in_progress, done or wont_do' }).meta({ description: 'done stamps completedAt; wont_do needs wontDoReason.' });
const reason = pgText().trim().max(MAX_REASON, `At most ${MAX_REASON} characters`).meta({ description: 'Why it will not be done (needed with wont_do).' });
const id = (what: string) => z.uuid({ message: `Not a ${what} id` });

/** A calendar day; checked to exist (no 31 February). */
export const daySchema = pgText()
  .trim()
  .regex(DAY, 'Use a day as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Not a calendar day');

/** A link to the team's tracker: http or https only (no javascript:, data: or file: links). */
export const ticketUrlSchema = pgText()
  .trim()
  .max(MAX_TICKET_URL, `At most ${MAX_TICKET_URL} characters`)
  .refine((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
    } catch {
      return false;
    }
  }, 'Use a full http:// or https:// link');

const email = pgText().trim().toLowerCase().max(320).pipe(z.email({ message: 'Not an email address' }));
/** A factor by id or by its catalog name (the API accepts both). */
const factorRef = pgText().trim().min(1).max(200);

/** A new action item. The UI sends ids; the API may name the owner by email and the factor by name. */
export const actionInputSchema = z.strictObject({
  title,
  description: z.preprocess(blankTo(undefined), description.optional()),
  type,
  priority: z.preprocess(blankTo(undefined), priority.default('P2')),
  ownerId: z.preprocess(blankTo(undefined), id('member').optional()).meta({ description: 'The owner’s user id (or give ownerEmail).' }),
  ownerEmail: z.preprocess(blankTo(undefined), email.optional()).meta({ description: 'The owner’s email; a member of the team.' }),
  dueDate: z.preprocess(blankTo(undefined), daySchema.optional()).meta({ description: 'Due day, YYYY-MM-DD.' }),
  ticketUrl: z.preprocess(blankTo(undefined), ticketUrlSchema.optional()).meta({ description: 'An http(s) link to your tracker.' }),
  factorId: z.preprocess(blankTo(undefined), id('factor').optional()).meta({ description: 'The contributing factor it addresses, by id.' }),
  factor: z.preprocess(blankTo(undefined), factorRef.optional()).meta({ description: 'The contributing factor it addresses, by id or name.' }),
  timelineEventId: z.preprocess(blankTo(undefined), id('timeline entry').optional()).meta({ description: 'The timeline entry it follows from.' }),
});
export type ActionInput = z.infer<typeof actionInputSchema>;

/** A status change on its own (what an owner without the editor role may do). */
const statusFields = {
  status: status.optional(),
  wontDoReason: z.preprocess(blankTo(undefined), reason.optional()),
};

/** Changes to an action; `version` is the one the writer loaded. null (or "" from a form) clears an optional field. */
export const actionPatchSchema = z.strictObject({
  version: z.coerce.number<unknown>().int('The version you loaded').min(1, 'The version you loaded').max(MAX_ROW_VERSION, VERSION_TOO_LARGE).meta({ description: 'The version you last read (optimistic concurrency).' }),
  title: title.optional(),
  description: description.optional(),
  type: type.optional(),
  priority: priority.optional(),
  ownerId: z.preprocess(blankTo(null), id('member').nullable().optional()).meta({ description: 'The owner’s user id; null: nobody.' }),
  ownerEmail: z.preprocess(blankTo(null), email.nullable().optional()).meta({ description: 'The owner’s email (a member); null: nobody.' }),
  dueDate: z.preprocess(blankTo(null), daySchema.nullable().optional()).meta({ description: 'Due day, YYYY-MM-DD; null clears it.' }),
  ticketUrl: z.preprocess(blankTo(null), ticketUrlSchema.nullable().optional()).meta({ description: 'An http(s) link to your tracker; null clears it.' }),
  factorId: z.preprocess(blankTo(null), id('factor').nullable().optional()).meta({ description: 'The contributing factor, by id; null clears it.' }),
  factor: z.preprocess(blankTo(null), factorRef.nullable().optional()).meta({ description: 'The contributing factor, by id or name; null clears it.' }),
  ...statusFields,
});
export type ActionPatch = z.infer<typeof actionPatchSchema>;

/** True when a patch changes nothing but the status (and its reason): owners may do that. */
export function isStatusOnly(patch: ActionPatch): boolean {
  return Object.entries(patch).every(([key, value]) => value === undefined || key === 'version' || key === 'status' || key === 'wontDoReason');
}

/** Won't do needs a reason; it is checked where the new status is known. */
export function wontDoIssue(nextStatus: ActionStatusName, wontDoReason: string | undefined): FieldIssue | null {
  if (nextStatus === 'wont_do' && !wontDoReason) return { path: ['wontDoReason'], message: 'Say why this will not be done' };
  return null;
}

/** Several actions to one status, each at the version the writer saw. */
export const bulkStatusSchema = z
  .strictObject({
    items: z
      .array(z.strictObject({ id: id('action'), version: z.coerce.number<unknown>().int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE) }))
      .min(1, 'Tick at least one action')
      .max(MAX_BULK, `At most ${MAX_BULK} actions at once`),
    status,
    wontDoReason: z.preprocess(blankTo(undefined), reason.optional()),
  })
  .superRefine((b, ctx) => {
    const issue = wontDoIssue(b.status, b.wontDoReason);
    if (issue) ctx.addIssue({ code: 'custom', path: issue.path.map(String), message: issue.message });
  });
export type BulkStatusInput = z.infer<typeof bulkStatusSchema>;

// ---------- lists (board, CSV export, API) ----------

export const ACTION_SORTS = ['due', 'priority', 'created', 'updated'] as const;
export type ActionSort = (typeof ACTION_SORTS)[number];
export const SORT_LABEL: Record<ActionSort, string> = { due: 'due date, soonest first', priority: 'priority, P1 first', created: 'newest first', updated: 'recently updated first' };
export const DEFAULT_ACTION_PAGE_SIZE = 25;
export const MAX_ACTION_PAGE_SIZE = 100;

/** "true" / "1" from a query string, or an already parsed boolean (filters are parsed again inside the queries). */
const flag = (name: string) =>
  z
    .preprocess((value, ctx) => {
      const one = single(name)(value, ctx);
      return typeof one === 'boolean' ? String(one) : one;
    }, z.enum(['true', 'false', '1', '0'], { error: `${name} must be true or false.` }).optional())
    .transform((v) => v === 'true' || v === '1');
const ref = (name: string, max = 200) => z.preprocess(single(name), pgText().trim().max(max, `${name} is too long.`).optional());

/** The board's filters (page search params and the CSV export share them). */
export const actionFiltersSchema = z.object({
  status: list('status', ACTION_STATUSES).meta({ description: 'One or more statuses.' }),
  type: list('type', ACTION_TYPES).meta({ description: 'One or more types.' }),
  priority: list('priority', ACTION_PRIORITIES, (s) => s.toUpperCase()).meta({ description: 'One or more priorities.' }),
  /** A member's user id, or "none" for unowned actions. */
  owner: z.preprocess(single('owner'), z.union([z.literal('none'), z.uuid({ message: 'owner must be a member.' })]).optional()),
  overdue: flag('overdue').meta({ description: 'true: only open actions past their due day in the team’s time zone.' }),
  /** The incident's number (INC-n) on the board; its number or id in the API. */
  incident: z.preprocess(
    single('incident'),
    pgText().trim().regex(/^(?:(?:INC-)?\d{1,9}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, 'incident must be an incident number (INC-12 or 12) or id.').optional(),
  ).meta({ description: 'Only actions of this incident: its number (INC-12 or 12) or id.' }),
  /** The factor's id on the board; its id or name in the API. */
  factor: ref('factor').meta({ description: 'Only actions addressing this contributing factor: its id or name.' }),
  sort: choice('sort', ACTION_SORTS),
  page: integer('page', 1, 100_000, 1),
  pageSize: integer('pageSize', 1, MAX_ACTION_PAGE_SIZE, DEFAULT_ACTION_PAGE_SIZE),
});
export type ActionFilters = z.infer<typeof actionFiltersSchema>;
export const ACTION_FILTER_KEYS = ['status', 'type', 'priority', 'owner', 'overdue', 'incident', 'factor', 'sort', 'page', 'pageSize'] as const;
type FilterKey = (typeof ACTION_FILTER_KEYS)[number];
export type ActionFilterErrors = Partial<Record<FilterKey, string>>;

/** For the board: bad parameters are reported and dropped; the rest apply. */
export function parseActionFiltersLeniently(input: Record<string, string | string[] | undefined>): { filters: ActionFilters; errors: ActionFilterErrors } {
  const { value, errors } = parseLeniently(actionFiltersSchema, ACTION_FILTER_KEYS, input);
  return { filters: value, errors };
}

/** GET /api/v1/actions: the board's filters (owner by email), newest first with keyset pagination. */
export const apiActionQuerySchema = actionFiltersSchema
  .omit({ owner: true, page: true, pageSize: true, sort: true })
  .extend({
    ownerEmail: z.preprocess(single('ownerEmail'), email.optional()).meta({ description: 'Only actions owned by this member.' }),
    cursor: z.preprocess(single('cursor'), pgText().max(500).optional()).meta({ description: 'The `nextCursor` of the previous response.' }),
    limit: optionalInteger('limit', 1, MAX_ACTION_PAGE_SIZE).meta({ description: 'Items per response (default 25).' }),
  });
export type ApiActionQuery = z.infer<typeof apiActionQuerySchema>;
/** The schema's keys are the accepted parameters, so the OpenAPI document lists exactly these. */
const API_KEYS = Object.keys(apiActionQuerySchema.shape);

/** Strictly: an unknown parameter or a bad value is a 422 naming the parameter. */
export function parseApiActionQuery(params: URLSearchParams): ApiActionQuery {
  return apiActionQuerySchema.parse(knownParams(params, API_KEYS));
}

/** An action as the UI lists it (JSON-safe: days as YYYY-MM-DD, instants as ISO strings). */
export interface ActionView {
  id: string;
  title: string;
  description: string;
  type: ActionTypeName;
  priority: ActionPriorityName;
  status: ActionStatusName;
  wontDoReason: string | null;
  dueDate: string | null;
  daysOverdue: number;
  completedAt: string | null;
  ticketUrl: string | null;
  owner: { id: string; name: string; email: string } | null;
  factor: { id: string; name: string } | null;
  timelineEventId: string | null;
  incident: { id: string; number: number; title: string };
  team: { slug: string; name: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}
