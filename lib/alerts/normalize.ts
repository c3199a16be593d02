import type { Severity } from '@/lib/generated/prisma/enums';
import {
  alertmanagerPayloadSchema,
  genericAlertSchema,
  pagerdutyIncidentSchema,
  pagerdutyWebhookSchema,
  type AlertSourceName,
  type AlertmanagerPayload,
  type GenericAlert,
  type PagerdutyWebhook,
} from './schemas';

/**
 * Payload -> normalized alert events, one per thing that happened, whatever the source. Pure: the
 * ingestion (lib/alerts/ingest.ts) decides what each event does to incidents.
 */

export type AlertEffect = 'firing' | 'acknowledged' | 'resolved' | 'ignored';

export interface NormalizedAlert {
  /** Unique per integration: a delivery seen before is a duplicate and changes nothing. */
  dedupKey: string;
  /** Alerts with the same key share one incident while it is unresolved. */
  groupKey: string;
  effect: AlertEffect;
  /** What the AlertEvent row records: firing | acknowledged | resolved, or the sender's event type when ignored. */
  status: string;
  /** Alertmanager only: which alert of the group (the incident resolves when all of them are resolved). */
  fingerprint: string | null;
  title: string;
  severity: Severity | null;
  services: string[];
  occurredAt: Date;
  /** Extra text for the timeline entry (description, summary), possibly empty. */
  detail: string;
  url: string | null;
}

/**
 * Alertmanager `labels.severity` (case-insensitive) -> severity. Conventional Prometheus values
 * first; sev1..sev4 and p1..p4 are taken literally. Anything else: the integration's default.
 */
export const ALERTMANAGER_SEVERITIES: Record<string, Severity> = {
  critical: 'SEV1', page: 'SEV2', error: 'SEV2', high: 'SEV2', warning: 'SEV3', warn: 'SEV3', info: 'SEV4', low: 'SEV4', none: 'SEV4',
  sev1: 'SEV1', sev2: 'SEV2', sev3: 'SEV3', sev4: 'SEV4', p1: 'SEV1', p2: 'SEV2', p3: 'SEV3', p4: 'SEV4',
};

/** PagerDuty priority P1..P5 -> SEV1..SEV4 (P5 is SEV4); without a priority, urgency high -> SEV2, low -> SEV3. */
export function pagerdutySeverity(priority: string | undefined, urgency: string | null | undefined): Severity | null {
  const p = /^P([1-5])$/i.exec(priority?.trim() ?? '')?.[1];
  if (p) return (['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV4'] as const)[Number(p) - 1] ?? null;
  if (urgency === 'high') return 'SEV2';
  if (urgency === 'low') return 'SEV3';
  return null;
}

const iso = (value: string) => new Date(value).toISOString();
/** Alertmanager's "not ended" endsAt is the zero time 0001-01-01T00:00:00Z. */
const realTime = (value: string | undefined): string | null => (value && new Date(value).getUTCFullYear() > 1 ? iso(value) : null);

function alertmanagerEvents(payload: AlertmanagerPayload, now: Date): NormalizedAlert[] {
  return payload.alerts.map((alert) => {
    const startsAt = iso(alert.startsAt);
    const endsAt = realTime(alert.endsAt);
    const resolved = alert.status === 'resolved';
    const name = alert.labels.alertname ?? payload.commonLabels.alertname ?? 'Alert';
    const summary = alert.annotations.summary ?? alert.annotations.message;
    const service = alert.labels.service ?? alert.labels.job;
    return {
      dedupKey: `${alert.fingerprint}:${alert.status}:${startsAt}${resolved ? `:${endsAt ?? ''}` : ''}`,
      groupKey: payload.groupKey,
      effect: alert.status,
      status: alert.status,
      fingerprint: alert.fingerprint.toLowerCase(),
      title: summary ? `${name}: ${summary}` : name,
      severity: ALERTMANAGER_SEVERITIES[(alert.labels.severity ?? '').trim().toLowerCase()] ?? null,
      services: service ? [service] : [],
      occurredAt: resolved ? new Date(endsAt ?? now) : new Date(startsAt),
      detail: alert.annotations.description ?? '',
      url: alert.generatorURL || null,
    };
  });
}

const PAGERDUTY_EFFECTS: Record<string, AlertEffect> = {
  'incident.triggered': 'firing',
  'incident.reopened': 'firing',
  'incident.acknowledged': 'acknowledged',
  'incident.resolved': 'resolved',
};

function pagerdutyEvents({ event }: PagerdutyWebhook): NormalizedAlert[] {
  const effect = PAGERDUTY_EFFECTS[event.event_type] ?? 'ignored';
  const incident = effect === 'ignored' ? null : pagerdutyIncidentSchema.parse(event.data);
  // Other events (incident.annotated, service.*) name their incident in data.incident or data.id.
  const related = event.data.incident as { id?: unknown } | undefined;
  const groupKey = incident?.id ?? (typeof related?.id === 'string' ? related.id : typeof event.data.id === 'string' ? event.data.id : event.id);
  const number = incident?.number ? `#${incident.number} ` : '';
  return [{
    dedupKey: event.id,
    groupKey,
    effect,
    status: effect === 'ignored' ? event.event_type : effect,
    fingerprint: null,
    title: incident ? `${number}${incident.title}`.trim() : event.event_type,
    severity: incident ? pagerdutySeverity(incident.priority?.summary, incident.urgency) : null,
    services: incident?.service?.summary ? [incident.service.summary] : [],
    occurredAt: new Date(event.occurred_at),
    detail: '',
    url: incident?.html_url ?? null,
  }];
}

function genericEvents(alert: GenericAlert): NormalizedAlert[] {
  return [{
    dedupKey: alert.id,
    groupKey: alert.groupKey,
    effect: alert.status,
    status: alert.status,
    fingerprint: null,
    title: alert.title,
    severity: alert.severity ?? null,
    services: alert.services ?? [],
    occurredAt: new Date(alert.occurredAt),
    detail: alert.summary ?? '',
    url: alert.url ?? null,
  }];
}

/** Parses a delivery's JSON with the source's schema (ZodError -> 422 naming the field) and normalizes it. */
export function normalizeAlerts(source: AlertSourceName, body: unknown, now: Date = new Date()): NormalizedAlert[] {
  switch (source) {
    case 'alertmanager':
      return alertmanagerEvents(alertmanagerPayloadSchema.parse(body), now);
    case 'pagerduty':
      return pagerdutyEvents(pagerdutyWebhookSchema.parse(body));
    case 'generic':
      return genericEvents(genericAlertSchema.parse(body));
  }
}
