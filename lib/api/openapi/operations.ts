import { alertDeliveryResponseSchema, alertmanagerPayloadSchema, genericAlertSchema, pagerdutyWebhookSchema } from '@/lib/alerts/schemas';
import { actionInputSchema, actionPatchSchema, apiActionQuerySchema } from '@/lib/actions/schemas';
import { apiLinkSchema, catalogQuerySchema } from '@/lib/factors/schemas';
import { createIncidentSchema, patchIncidentSchema } from '@/lib/incidents/incident-schemas';
import { incidentFiltersSchema } from '@/lib/incidents/schemas';
import { metricParamsSchema } from '@/lib/metric-queries/schemas';
import { deleteVersionSchema, eventInputSchema, eventPatchSchema } from '@/lib/timeline/schemas';
import { z } from 'zod';
import type { ApiOperation } from './operation';
import * as r from './responses';

/**
 * Every route+method of the public API, one object each. The document (document.ts) and the
 * reference page are generated from these; coverage.test.ts fails when a route file has a
 * method without an entry here, or an entry has no route. To add a route: add one object.
 */

const incidentId = { id: 'The incident’s id (a UUID, as returned in `id`).' };
const STALE = 'The `version` you sent is not the current one: someone changed it since you read it. The body’s `current` holds the current state.';
const PUBLISHED = 'Also when the incident’s post-mortem is published (read-only until an admin reopens it).';

export const OPERATIONS: readonly ApiOperation[] = [
  {
    id: 'getTeam', method: 'get', path: '/api/v1/team', tag: 'team', access: 'viewer',
    summary: 'The token’s team and role',
    ok: { status: 200, description: 'The team and the token’s role on it.', schema: r.teamResponseSchema },
  },
  {
    id: 'listMembers', method: 'get', path: '/api/v1/members', tag: 'team', access: 'viewer',
    summary: 'The team’s members',
    description: 'Name, email and role of each member: use an email as `ownerEmail` of an action item.',
    ok: { status: 200, description: 'The members.', schema: r.membersResponseSchema },
  },
  {
    id: 'listIncidents', method: 'get', path: '/api/v1/incidents', tag: 'incidents', access: 'viewer',
    summary: 'List and search incidents',
    description:
      'The incidents the token may see (restricted ones only with an admin token), with the filters of the incidents page. Page with `page` and `pageSize`, or with `cursor` and `limit` (sort `started_desc` or `started_asc` only; then the body has `limit` instead of `page` and `pageSize`). Repeat a list parameter or separate its values with commas. An unknown parameter is a 422 naming it.',
    query: incidentFiltersSchema,
    ok: { status: 200, description: 'One page of incidents, newest first unless sorted otherwise.', schema: r.incidentListSchema },
  },
  {
    id: 'createIncident', method: 'post', path: '/api/v1/incidents', tag: 'incidents', access: 'editor',
    summary: 'Declare an incident',
    description: 'Timestamps are ISO-8601 with an offset. Each must be at or after the ones before it (detected after started, and so on) and not in the future; a 422 names the offending field.',
    body: createIncidentSchema,
    ok: { status: 201, description: 'The incident as created.', schema: r.apiIncidentSchema, location: '/api/v1/incidents/{id}' },
  },
  {
    id: 'getIncident', method: 'get', path: '/api/v1/incidents/{id}', tag: 'incidents', access: 'viewer',
    summary: 'One incident with its timeline',
    description: 'A restricted incident is 404 for tokens that may not see it, exactly like an unknown id.',
    params: incidentId,
    ok: { status: 200, description: 'The incident and its timeline.', schema: r.incidentWithTimelineSchema },
  },
  {
    id: 'updateIncident', method: 'patch', path: '/api/v1/incidents/{id}', tag: 'incidents', access: 'editor',
    summary: 'Change an incident',
    description: 'Send the `version` you read and only the fields to change; `null` clears an optional timestamp. The order rules apply to the incident as changed.',
    params: incidentId,
    body: patchIncidentSchema,
    ok: { status: 200, description: 'The incident as changed.', schema: r.apiIncidentSchema },
    conflict: STALE,
  },
  {
    id: 'addTimelineEntry', method: 'post', path: '/api/v1/incidents/{id}/timeline', tag: 'timeline', access: 'editor',
    summary: 'Add a timeline entry',
    params: incidentId,
    body: eventInputSchema,
    ok: { status: 201, description: 'The entry as created.', schema: r.createdTimelineEntrySchema },
    forbidden: PUBLISHED,
  },
  {
    id: 'updateTimelineEntry', method: 'patch', path: '/api/v1/timeline/{id}', tag: 'timeline', access: 'editor',
    summary: 'Change a timeline entry',
    params: { id: 'The timeline entry’s id.' },
    body: eventPatchSchema,
    ok: { status: 200, description: 'The entry as changed.', schema: r.timelineEntrySchema },
    conflict: STALE,
    forbidden: PUBLISHED,
  },
  {
    id: 'deleteTimelineEntry', method: 'delete', path: '/api/v1/timeline/{id}', tag: 'timeline', access: 'editor',
    summary: 'Delete a timeline entry',
    params: { id: 'The timeline entry’s id.' },
    query: deleteVersionSchema,
    ok: { status: 200, description: 'The entry is deleted.', schema: r.deletedSchema },
    conflict: STALE,
    forbidden: PUBLISHED,
  },
  {
    id: 'listFactors', method: 'get', path: '/api/v1/factors', tag: 'factors', access: 'viewer',
    summary: 'The contributing-factor catalog',
    description: 'With, per factor, the incidents it contributed to and its open action items (counting only incidents the token may see). `q` is a fuzzy name match, best first.',
    query: catalogQuerySchema,
    ok: { status: 200, description: 'The factors.', schema: r.factorListSchema },
  },
  {
    id: 'linkFactor', method: 'post', path: '/api/v1/incidents/{id}/factors', tag: 'factors', access: 'editor',
    summary: 'Name a contributing factor of an incident',
    description: '`factor` is a factor id or a name (matched ignoring case). An unknown name creates the factor, which then needs `category` (a 422 on `category` otherwise).',
    params: incidentId,
    body: apiLinkSchema,
    ok: { status: 201, description: 'The link of the factor to the incident.', schema: r.factorLinkSchema },
    conflict: 'The factor is already linked to this incident; `current` is that link.',
    forbidden: PUBLISHED,
  },
  {
    id: 'listActions', method: 'get', path: '/api/v1/actions', tag: 'actions', access: 'viewer',
    summary: 'List action items',
    description: 'The team’s action items on incidents the token may see, newest first, `limit` at a time after `cursor`. `overdue` is judged in the team’s time zone; `incident` is an id or a number; `factor` an id or a name.',
    query: apiActionQuerySchema,
    ok: { status: 200, description: 'One page of action items.', schema: r.actionListSchema },
  },
  {
    id: 'createAction', method: 'post', path: '/api/v1/incidents/{id}/actions', tag: 'actions', access: 'editor',
    summary: 'Add an action item to an incident',
    description: 'Name the owner by `ownerEmail` (a member of the team) or `ownerId`, the factor by `factor` (id or name) or `factorId`.',
    params: incidentId,
    body: actionInputSchema,
    ok: { status: 201, description: 'The action item as created.', schema: r.apiActionSchema, location: '/api/v1/actions/{id}' },
  },
  {
    id: 'getAction', method: 'get', path: '/api/v1/actions/{id}', tag: 'actions', access: 'viewer',
    summary: 'One action item',
    params: { id: 'The action item’s id.' },
    ok: { status: 200, description: 'The action item.', schema: r.apiActionSchema },
  },
  {
    id: 'updateAction', method: 'patch', path: '/api/v1/actions/{id}', tag: 'actions', access: 'editor',
    summary: 'Change an action item',
    description: 'Send the `version` you read and the fields to change; `null` clears an optional field. `done` stamps `completedAt`, leaving it clears it; `wont_do` needs `wontDoReason`.',
    params: { id: 'The action item’s id.' },
    body: actionPatchSchema,
    ok: { status: 200, description: 'The action item as changed.', schema: r.apiActionSchema },
    conflict: STALE,
  },
  {
    id: 'getMetrics', method: 'get', path: '/api/v1/metrics', tag: 'metrics', access: 'viewer',
    summary: 'Reliability metrics',
    description: 'The figures of METRICS.md for [from, to) and for each bucket, over the incidents the token may see. Defaults: the 90 days before now, weekly buckets, the team’s time zone, kind=incident. Durations are in seconds.',
    query: metricParamsSchema,
    ok: { status: 200, description: 'The figures of the whole range and of each bucket.', schema: r.metricsSchema },
  },
  {
    id: 'receiveAlerts', method: 'post', path: '/api/v1/webhooks/alerts/{source}', tag: 'alerts', access: 'public',
    summary: 'Receive an alert delivery',
    description:
      'For Prometheus Alertmanager (webhook payload version 4), PagerDuty V3 webhooks and the generic JSON below, with `?team=<team slug>`. No API token: the team admin connects the source under Settings › Alerts and the delivery is authenticated by that secret, checked on the raw body: Alertmanager sends `Authorization: Bearer <secret>` (http_config.authorization), PagerDuty signs with `X-PagerDuty-Signature: v1=<hex HMAC-SHA256>`, the generic source with `X-Hindsight-Signature: sha256=<hex HMAC-SHA256>`. A firing alert opens an incident or attaches to the unresolved one with the same grouping key; acknowledge and resolve events set the timestamps when the team enabled it. Replaying a delivery changes nothing (200, every result `duplicate`).',
    params: { source: 'alertmanager, pagerduty or generic.' },
    body: z.union([alertmanagerPayloadSchema, pagerdutyWebhookSchema, genericAlertSchema]),
    ok: { status: 200, description: 'Every event of the delivery had been received before (a replay): nothing changed. 202 when anything was recorded, with the same body.', schema: alertDeliveryResponseSchema },
    alsoReturns: [
      { status: 202, description: 'Recorded: what each event did.', schema: alertDeliveryResponseSchema },
      { status: 401, description: 'Unknown team, no or disabled integration, or a missing or wrong secret or signature (the same answer for all).', schema: r.errorSchema },
      { status: 404, description: 'Unknown source (use alertmanager, pagerduty or generic).', schema: r.errorSchema },
      { status: 413, description: 'The body is over 1 MiB.', schema: r.errorSchema },
      { status: 422, description: 'Not JSON, or not the source’s shape: `fields` names what is wrong (checked after the secret).', schema: r.validationErrorSchema },
      { status: 429, description: 'Too many failed deliveries from this address for this team: wait for the retry-after header’s seconds.', schema: r.errorSchema, headers: ['retry-after'] },
      { status: 503, description: 'The database is unavailable: retry.', schema: r.errorSchema, headers: ['retry-after'] },
    ],
  },
  {
    id: 'getOpenApiDocument', method: 'get', path: '/api/v1/openapi.json', tag: 'service', access: 'public',
    summary: 'This OpenAPI 3.1 document',
    ok: { status: 200, description: 'The document.', schema: r.openApiDocumentSchema },
  },
  {
    id: 'getHealth', method: 'get', path: '/api/health', tag: 'service', access: 'public',
    summary: 'Liveness',
    description: 'The process is up and serving. Never touches the database.',
    ok: { status: 200, description: 'Up.', schema: r.healthSchema },
  },
  {
    id: 'getReadiness', method: 'get', path: '/api/ready', tag: 'service', access: 'public',
    summary: 'Readiness',
    description: 'The database is reachable and all migrations are applied.',
    ok: { status: 200, description: 'Ready to serve.', schema: r.readySchema },
    alsoReturns: [{ status: 503, description: 'Not ready; `reason` says why. Retry after the retry-after header’s seconds.', schema: r.readySchema, headers: ['retry-after'] }],
  },
];
