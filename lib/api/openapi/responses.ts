import { z } from 'zod';
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES } from '@/lib/actions/schemas';
import { FACTOR_CATEGORIES } from '@/lib/factors/schemas';
import { IncidentKind, IncidentStatus, PostmortemStatus, Severity, Visibility } from '@/lib/generated/prisma/enums';
import { METRIC_BUCKETS } from '@/lib/metric-queries/schemas';
import { TIMELINE_KINDS } from '@/lib/timeline/schemas';

/**
 * The bodies /api/v1 returns, as zod schemas: the OpenAPI document is generated from them, and the
 * API tests parse real responses with them (strict objects: an undocumented field fails a test),
 * so the document cannot drift from what the routes send.
 */

const instant = z.iso.datetime({ offset: true }).meta({ description: 'ISO-8601 instant in UTC, to the millisecond.' });
const day = z.iso.date().meta({ description: 'A calendar day, YYYY-MM-DD.' });
const version = z.int().min(1).meta({ description: 'Optimistic-concurrency version: send it back with your next change.' });
const id = z.uuid();
const role = z.enum(['viewer', 'editor', 'admin']);

export const apiTeamSchema = z.strictObject({ slug: z.string(), name: z.string(), timeZone: z.string().meta({ description: 'IANA time zone of the team.' }) });
export const teamResponseSchema = z.strictObject({ team: apiTeamSchema, role: role.meta({ description: 'The role of the token making the call.' }) });
export const apiMemberSchema = z.strictObject({ name: z.string(), email: z.email(), role });
export const membersResponseSchema = z.strictObject({ members: z.array(apiMemberSchema) });

const incidentCore = {
  id,
  number: z.int().min(1).meta({ description: 'Per-team number, shown as INC-<number>.' }),
  title: z.string(),
  kind: z.enum(IncidentKind),
  severity: z.enum(Severity),
  status: z.enum(IncidentStatus),
  postmortemStatus: z.enum(PostmortemStatus),
  visibility: z.enum(Visibility),
  startedAt: instant,
  resolvedAt: instant.nullable(),
  services: z.array(z.string()),
};

export const apiIncidentSchema = z.strictObject({
  ...incidentCore,
  summary: z.string(),
  customerImpact: z.string(),
  detectedAt: instant.nullable(),
  acknowledgedAt: instant.nullable(),
  mitigatedAt: instant.nullable(),
  version,
  createdAt: instant,
  updatedAt: instant,
});
export type ApiIncident = z.infer<typeof apiIncidentSchema>;

export const incidentListItemSchema = z.strictObject(incidentCore);

const nextCursor = z.string().nullable().meta({ description: 'Pass as `cursor` for the next items; null at the end.' });
export const incidentPageSchema = z.strictObject({ items: z.array(incidentListItemSchema), total: z.int(), page: z.int(), pageSize: z.int(), nextCursor });
export const incidentCursorPageSchema = z.strictObject({ items: z.array(incidentListItemSchema), total: z.int(), limit: z.int(), nextCursor });
export const incidentListSchema = z.union([incidentPageSchema, incidentCursorPageSchema]);

const timelineCore = { id, occurredAt: instant, kind: z.enum(TIMELINE_KINDS), body: z.string(), keyMoment: z.boolean(), version };
export const timelineEntrySchema = z.strictObject({ ...timelineCore, author: z.string().nullable().meta({ description: 'Name of the member who wrote it.' }) });
export const createdTimelineEntrySchema = timelineEntrySchema.extend({ incidentId: id });
export const deletedSchema = z.strictObject({ id, deleted: z.literal(true) });
export const incidentWithTimelineSchema = apiIncidentSchema.extend({ timeline: z.array(z.strictObject(timelineCore)).meta({ description: 'Oldest entry first.' }) });

export const apiActionSchema = z.strictObject({
  id,
  title: z.string(),
  description: z.string(),
  type: z.enum(ACTION_TYPES),
  priority: z.enum(ACTION_PRIORITIES),
  status: z.enum(ACTION_STATUSES),
  wontDoReason: z.string().nullable(),
  dueDate: day.nullable(),
  daysOverdue: z.int().min(0).meta({ description: 'Whole days past the due date in the team’s time zone; 0 when not overdue.' }),
  completedAt: instant.nullable(),
  ticketUrl: z.string().nullable(),
  owner: z.strictObject({ id, name: z.string(), email: z.email() }).nullable(),
  factor: z.strictObject({ id, name: z.string() }).nullable(),
  timelineEventId: id.nullable(),
  incident: z.strictObject({ id, number: z.int(), title: z.string() }),
  version,
  createdAt: instant,
  updatedAt: instant,
});
export type ApiAction = z.infer<typeof apiActionSchema>;
export const actionListSchema = z.strictObject({ items: z.array(apiActionSchema), total: z.int(), limit: z.int(), nextCursor });

export const factorSummarySchema = z.strictObject({
  id,
  name: z.string(),
  category: z.enum(FACTOR_CATEGORIES),
  description: z.string(),
  archived: z.boolean(),
  version,
  incidentCount: z.int().meta({ description: 'Incidents (that the token may see) it contributed to.' }),
  openActionCount: z.int().meta({ description: 'Open or in-progress action items on it.' }),
});
export const factorListSchema = z.strictObject({ factors: z.array(factorSummarySchema) });
export const factorLinkSchema = z.strictObject({
  id,
  incidentId: id,
  factorId: id,
  factorName: z.string(),
  category: z.enum(FACTOR_CATEGORIES),
  howItContributed: z.string(),
  version,
});

const seconds = z.number().nullable();
const statsSchema = z
  .strictObject({
    n: z.int(),
    mean: seconds,
    median: seconds,
    p90: seconds,
    min: seconds,
    max: seconds,
    ci90: z.tuple([z.number(), z.number()]).nullable().meta({ description: '90% bootstrap confidence interval of the median.' }),
    lowSample: z.boolean().meta({ description: 'True below 10 samples: read the figures with care.' }),
  })
  .meta({ description: 'A duration’s statistics in seconds; null where there is no sample.' });
const periodSchema = z.strictObject({
  start: instant,
  end: instant,
  incidents: z.strictObject({ started: z.int(), resolved: z.int(), open: z.int() }),
  ttd: statsSchema,
  tta: statsSchema,
  ttm: statsSchema,
  ttr: statsSchema,
  downtimeSeconds: z.number(),
  episodes: z.int(),
  mtbfSeconds: seconds,
  availability: z.number().min(0).max(1),
  meanStartIntervalSeconds: seconds,
});
export const metricsSchema = z.strictObject({
  from: instant,
  to: instant,
  bucket: z.enum(METRIC_BUCKETS),
  timeZone: z.string(),
  kind: z.enum(IncidentKind),
  filters: z.strictObject({ severity: z.array(z.enum(Severity)), service: z.string().nullable() }),
  overall: periodSchema,
  periods: z.array(periodSchema),
});
export type ApiMetrics = z.infer<typeof metricsSchema>;

export const healthSchema = z.strictObject({ status: z.literal('ok') });
export const readySchema = z.union([
  z.strictObject({ status: z.literal('ready') }),
  z.strictObject({ status: z.literal('unavailable'), reason: z.string() }),
]);

/** The error body of every route (lib/http/route.ts errorResponse). */
const errorBase = {
  message: z.string().meta({ description: 'What went wrong, for a person.' }),
  requestId: z.string().meta({ description: 'Quote it when reporting a problem; also the x-request-id header.' }),
};
export const errorSchema = z.strictObject({
  error: z.enum(['unauthenticated', 'forbidden', 'not_found', 'payload_too_large', 'rate_limited', 'unavailable', 'internal']),
  ...errorBase,
});
export const fieldIssueSchema = z.strictObject({
  path: z.array(z.union([z.string(), z.int()])).meta({ description: 'The field or query parameter, e.g. ["services", 0] or ["severity"].' }),
  message: z.string(),
});
export const validationErrorSchema = z.strictObject({ error: z.literal('validation_failed'), ...errorBase, fields: z.array(fieldIssueSchema) });
export const conflictErrorSchema = z.strictObject({
  error: z.literal('conflict'),
  ...errorBase,
  current: z.unknown().meta({ description: 'The current state of what you tried to change (null when it is gone).' }),
});

/** This document itself: only its outline (the OpenAPI 3.1 specification describes the rest). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({})),
});
