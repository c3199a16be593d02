import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';
import { AlertSource, Severity } from '@/lib/generated/prisma/enums';

/**
 * The alert payloads Hindsight accepts at POST /api/v1/webhooks/alerts/<source>, written from the
 * senders' documented formats, plus the admin forms of an integration. Payload schemas accept
 * unknown extra fields (senders add fields over time) but insist on what ingestion reads.
 * Exported by name: the OpenAPI document references them.
 */

export const ALERT_SOURCES = Object.values(AlertSource);
export type AlertSourceName = (typeof ALERT_SOURCES)[number];

export const ALERT_SOURCE_LABELS: Record<AlertSourceName, string> = {
  alertmanager: 'Prometheus Alertmanager',
  pagerduty: 'PagerDuty',
  generic: 'Generic JSON',
};

const isoInstant = z.iso.datetime({ offset: true, error: 'Must be an ISO-8601 time with offset, e.g. 2026-03-08T14:02:00Z.' });
const labelMap = z.record(pgText(), pgText());

/** One alert of an Alertmanager webhook (webhook_config, payload version 4). */
export const alertmanagerAlertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelMap,
  annotations: labelMap.default({}),
  startsAt: isoInstant,
  // "0001-01-01T00:00:00Z" while firing.
  endsAt: isoInstant.optional(),
  generatorURL: pgText().optional(),
  fingerprint: pgText().regex(/^[0-9a-f]{1,64}$/i, 'fingerprint must be the hex fingerprint Alertmanager sends.'),
});

/** Alertmanager's webhook body (version "4"): one notification for one alert group. */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal('4', { error: 'Alertmanager payload version must be "4".' }),
  groupKey: pgText().min(1),
  status: z.enum(['firing', 'resolved']),
  receiver: pgText(),
  groupLabels: labelMap.default({}),
  commonLabels: labelMap.default({}),
  commonAnnotations: labelMap.default({}),
  externalURL: pgText().optional(),
  truncatedAlerts: z.int().nonnegative().optional(),
  alerts: z.array(alertmanagerAlertSchema).min(1, 'An Alertmanager notification carries at least one alert.').max(1000),
});
export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;

const pagerdutyReference = z.object({ id: pgText(), summary: pgText().optional() });

/** The incident a V3 webhook's incident.* lifecycle events carry in event.data. */
export const pagerdutyIncidentSchema = z.object({
  id: pgText().min(1),
  type: z.literal('incident'),
  html_url: pgText().optional(),
  number: z.int().optional(),
  status: pgText().optional(),
  incident_key: pgText().nullish(),
  title: pgText().min(1),
  service: pagerdutyReference.nullish(),
  urgency: z.enum(['high', 'low']).nullish(),
  priority: pagerdutyReference.nullish(),
});

/** The incident lifecycle events that change a Hindsight incident; every other event type is recorded and ignored. */
export const PAGERDUTY_LIFECYCLE_EVENTS = ['incident.triggered', 'incident.reopened', 'incident.acknowledged', 'incident.resolved'] as const;

/** A PagerDuty V3 webhook delivery: { event: { id, event_type, resource_type, occurred_at, agent, client, data } }. */
export const pagerdutyWebhookSchema = z.object({
  event: z
    .object({
      id: pgText().min(1),
      event_type: pgText().regex(/^[a-z_]+\.[a-z_.]+$/, 'event_type must look like "incident.triggered".'),
      resource_type: pgText(),
      occurred_at: isoInstant,
      agent: z.unknown().optional(),
      client: z.unknown().optional(),
      data: z.record(pgText(), z.unknown()),
    })
    .superRefine((event, ctx) => {
      if (!(PAGERDUTY_LIFECYCLE_EVENTS as readonly string[]).includes(event.event_type)) return;
      const parsed = pagerdutyIncidentSchema.safeParse(event.data);
      for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: ['data', ...issue.path.map(String)], message: issue.message });
    }),
});
export type PagerdutyWebhook = z.infer<typeof pagerdutyWebhookSchema>;

/** Hindsight's own alert format, for any monitoring tool that can POST JSON (see README "Alerts"). */
export const genericAlertSchema = z.strictObject({
  id: pgText().trim().min(1, 'id (the delivery key) is required.').max(200),
  status: z.enum(['firing', 'acknowledged', 'resolved'], { error: 'status must be firing, acknowledged or resolved.' }),
  groupKey: pgText().trim().min(1, 'groupKey is required: alerts with the same key share one incident.').max(500),
  title: pgText().trim().min(1, 'title is required.').max(500),
  severity: z.enum(Severity, { error: 'severity must be SEV1, SEV2, SEV3 or SEV4.' }).optional(),
  services: z.array(pgText().trim().min(1).max(80)).max(20).optional(),
  occurredAt: isoInstant,
  summary: pgText().max(5000).optional(),
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL.' }).optional(),
});
export type GenericAlert = z.infer<typeof genericAlertSchema>;

/** What happened to each event of a delivery. */
export const ALERT_OUTCOMES = ['opened', 'attached', 'acknowledged', 'resolved', 'ignored', 'duplicate'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

/** The 202 (something recorded) / 200 (a pure replay) response body of an alert delivery. */
export const alertDeliveryResponseSchema = z.object({
  results: z.array(
    z.object({
      dedupKey: pgText(),
      outcome: z.enum(ALERT_OUTCOMES),
      incident: z.object({ number: z.int().positive(), url: z.url() }).nullable(),
    }),
  ),
});
export type AlertDeliveryResponse = z.infer<typeof alertDeliveryResponseSchema>;

// ---- Admin forms -------------------------------------------------------------------------

export const alertSourceSchema = z.enum(AlertSource, { error: 'Choose Alertmanager, PagerDuty or Generic JSON.' });

/** PagerDuty shows its own signing secret; the admin pastes it. */
const pastedSecret = pgText({ error: 'Paste the signing secret PagerDuty shows for the subscription.' }).trim().min(16, 'Paste the whole signing secret PagerDuty shows (it is long).').max(200, 'That is longer than any PagerDuty signing secret.');

/** A form checkbox ("on" or absent) or a JSON boolean. */
const checkbox = z.union([z.boolean(), z.enum(['on', 'true', 'false'])]).nullish().transform((v) => v === true || v === 'on' || v === 'true');

export const createIntegrationSchema = z.object({
  source: alertSourceSchema,
  secret: z.union([pastedSecret, z.literal('')]).nullish().transform((v) => v || null),
}).superRefine((value, ctx) => {
  if (value.source === 'pagerduty' && !value.secret) ctx.addIssue({ code: 'custom', path: ['secret'], message: 'Paste the signing secret PagerDuty shows for the subscription.' });
});

export const integrationSettingsSchema = z.object({
  source: alertSourceSchema,
  enabled: checkbox,
  applyAcknowledged: checkbox,
  applyResolved: checkbox,
  defaultSeverity: z.enum(Severity, { error: 'Severity must be SEV1, SEV2, SEV3 or SEV4.' }),
  version: z.coerce.number<unknown>().int().positive('The version you loaded.').max(MAX_ROW_VERSION, VERSION_TOO_LARGE),
});
export type IntegrationSettingsInput = z.infer<typeof integrationSettingsSchema>;
