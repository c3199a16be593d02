import 'server-only';
import { writeAudit } from '@/lib/audit/write';
import { db, type Tx } from '@/lib/db';
import type { AlertSource, Severity } from '@/lib/generated/prisma/enums';
import { statusFromTimes } from '@/lib/incidents/durations';
import { createIncidentSchema } from '@/lib/incidents/incident-schemas';
import { insertIncident } from '@/lib/incidents/mutations';
import { INCIDENT_RECORD_SELECT, toApiIncident, toRecord } from '@/lib/incidents/record';
import type { Actor } from '@/lib/teams/access';
import { insertTimelineEvent } from '@/lib/timeline/mutations';
import { MAX_BODY_LENGTH, type TimelineKindName } from '@/lib/timeline/schemas';
import { enqueueWebhookEvent } from '@/lib/webhooks/outbox';
import type { NormalizedAlert } from './normalize';
import { ALERT_SOURCE_LABELS, type AlertDeliveryResponse, type AlertOutcome } from './schemas';

export interface IngestIntegration {
  id: string;
  teamId: string;
  teamSlug: string;
  source: AlertSource;
  applyAcknowledged: boolean;
  applyResolved: boolean;
  defaultSeverity: Severity;
}

export type AlertResult = AlertDeliveryResponse['results'][number];

interface Target {
  id: string;
  number: number;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const latest = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
const notFuture = (at: Date, now: Date) => (at.getTime() > now.getTime() ? now : at);

function entryBody(prefix: string, alert: NormalizedAlert, note = ''): string {
  const parts = [`${prefix}: ${alert.title}`, alert.detail, note, alert.url ? `Source: ${alert.url}` : ''].filter(Boolean);
  return clip(parts.join('\n'), MAX_BODY_LENGTH);
}

/**
 * Applies one delivery's alert events in ONE transaction. A transaction-scoped advisory lock per
 * (integration, group key) serializes concurrent deliveries for a group, so two never open two
 * incidents; each event row is inserted first with ON CONFLICT DO NOTHING, so a replayed or racing
 * duplicate ends as "duplicate" and changes nothing.
 */
export async function ingestAlerts(integration: IngestIntegration, alerts: NormalizedAlert[], ctx: { baseUrl: string; ip?: string; requestId?: string }): Promise<AlertResult[]> {
  // The integration acts as an editor of its team; userId and tokenId null mark it in the audit log.
  const actor: Actor = { userId: null, tokenId: null, teamId: integration.teamId, teamSlug: integration.teamSlug, role: 'editor', ip: ctx.ip, requestId: ctx.requestId };
  const link = (t: Target | null) => (t ? { number: t.number, url: `${ctx.baseUrl}/t/${encodeURIComponent(integration.teamSlug)}/incidents/${t.number}` } : null);
  const now = new Date();
  return db.$transaction(async (tx) => {
    for (const groupKey of [...new Set(alerts.map((a) => a.groupKey))].sort()) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`alerts:${integration.id}:${groupKey}`}, 0))`;
    }
    const results: AlertResult[] = [];
    for (const alert of alerts) {
      const [row] = await tx.alertEvent.createManyAndReturn({
        data: [{ teamId: integration.teamId, integrationId: integration.id, dedupKey: alert.dedupKey, groupKey: alert.groupKey, status: alert.status, outcome: 'ignored', occurredAt: alert.occurredAt }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (!row) {
        const seen = await tx.alertEvent.findUnique({ where: { integrationId_dedupKey: { integrationId: integration.id, dedupKey: alert.dedupKey } }, select: { incident: { select: { id: true, number: true } } } });
        results.push({ dedupKey: alert.dedupKey, outcome: 'duplicate', incident: link(seen?.incident ?? null) });
        continue;
      }
      const { outcome, target } = await applyAlert(tx, actor, integration, alert, row.id, now);
      await tx.alertEvent.update({ where: { id: row.id }, data: { outcome, incidentId: target?.id ?? null } });
      results.push({ dedupKey: alert.dedupKey, outcome, incident: link(target) });
    }
    if (results.some((r) => r.outcome !== 'duplicate')) await tx.alertIntegration.update({ where: { id: integration.id }, data: { lastReceivedAt: now } });
    return results;
  });
}

async function applyAlert(tx: Tx, actor: Actor, integration: IngestIntegration, alert: NormalizedAlert, eventId: string, now: Date): Promise<{ outcome: AlertOutcome; target: Target | null }> {
  if (alert.effect === 'ignored') return { outcome: 'ignored', target: null };
  const group = { teamId: integration.teamId, alertSource: integration.source, alertGroupKey: alert.groupKey };
  const open = await tx.incident.findFirst({ where: { ...group, resolvedAt: null }, orderBy: { createdAt: 'desc' }, select: { id: true, number: true } });
  const label = ALERT_SOURCE_LABELS[integration.source];

  if (alert.effect === 'firing') {
    if (open) {
      await addEntry(tx, actor, open.id, alert.occurredAt, 'detection', entryBody(`Alert firing again (${label})`, alert));
      return { outcome: 'attached', target: open };
    }
    const at = notFuture(alert.occurredAt, now);
    const data = createIncidentSchema.parse({
      title: clip(alert.title, 200),
      severity: alert.severity ?? integration.defaultSeverity,
      services: alert.services.map((s) => clip(s, 80)).slice(0, 20),
      startedAt: at,
      // The alert is the detection.
      detectedAt: at,
    });
    const record = await insertIncident(tx, actor, data, { alertSource: integration.source, alertGroupKey: alert.groupKey, auditAction: 'incident.create_from_alert' });
    await addEntry(tx, actor, record.id, at, 'detection', entryBody(`Alert fired (${label})`, alert));
    await enqueueWebhookEvent(tx, integration.teamId, 'incident.created', toApiIncident(record));
    return { outcome: 'opened', target: record };
  }

  // Acknowledge and resolve act on the open incident of the group, else its latest one.
  const target = open ?? (await tx.incident.findFirst({ where: group, orderBy: { createdAt: 'desc' }, select: { id: true, number: true } }));
  if (!target) return { outcome: 'ignored', target: null };
  // Lock the incident row: a person saving it at the same time waits, then sees the new version.
  await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${target.id}::uuid FOR UPDATE`;
  const before = toRecord(await tx.incident.findUniqueOrThrow({ where: { id: target.id }, select: INCIDENT_RECORD_SELECT }));

  if (alert.effect === 'acknowledged') {
    let note = '';
    if (integration.applyAcknowledged && !before.acknowledgedAt && !before.resolvedAt) {
      const floor = before.detectedAt ?? before.startedAt;
      const at = latest(notFuture(alert.occurredAt, now), floor);
      if (at !== alert.occurredAt) note = `Acknowledged time set to ${at.toISOString()}: it cannot be before detection or in the future.`;
      await changeIncident(tx, actor, before, { acknowledgedAt: at }, 'alert.acknowledge');
    }
    await addEntry(tx, actor, target.id, alert.occurredAt, 'action', entryBody(`Alert acknowledged (${label})`, alert, note));
    return { outcome: 'acknowledged', target };
  }

  const stillFiring = alert.fingerprint ? await firingElsewhere(tx, integration.id, target.id, alert.fingerprint) : 0;
  let note = stillFiring ? `${stillFiring} other alert${stillFiring === 1 ? ' is' : 's are'} still firing in this group.` : '';
  if (integration.applyResolved && !stillFiring && !before.resolvedAt) {
    const at = latest(notFuture(alert.occurredAt, now), before.mitigatedAt ?? before.startedAt);
    if (at !== alert.occurredAt) note = `Resolved time set to ${at.toISOString()}: it cannot be before the start (or mitigation) or in the future.`;
    const after = await changeIncident(tx, actor, before, { resolvedAt: at }, 'alert.resolve');
    await enqueueWebhookEvent(tx, integration.teamId, 'incident.resolved', toApiIncident(after));
  }
  await addEntry(tx, actor, target.id, alert.occurredAt, 'resolution', entryBody(`Alert resolved (${label})`, alert, note));
  return { outcome: 'resolved', target };
}

/** Timeline entries are skipped on a published post-mortem: it is read-only until an admin reopens it. */
async function addEntry(tx: Tx, actor: Actor, incidentId: string, occurredAt: Date, kind: TimelineKindName, body: string): Promise<void> {
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { postmortemStatus: true } });
  if (incident.postmortemStatus === 'published') return;
  const view = await insertTimelineEvent(tx, actor, incidentId, { occurredAt, kind, body });
  await writeAudit(tx, { teamId: actor.teamId, action: 'timeline.add_from_alert', entity: 'timeline_event', entityId: view.id, after: view, ip: actor.ip, requestId: actor.requestId });
}

type IncidentRecordValue = ReturnType<typeof toRecord>;

/** Sets one lifecycle time (the row is locked), bumps the version, recomputes the status, audits. */
async function changeIncident(tx: Tx, actor: Actor, before: IncidentRecordValue, patch: { acknowledgedAt?: Date; resolvedAt?: Date }, action: string): Promise<IncidentRecordValue> {
  const times = { ...before, ...patch };
  await tx.incident.update({ where: { id: before.id, version: before.version }, data: { ...patch, status: statusFromTimes(times), version: { increment: 1 } } });
  const after = toRecord(await tx.incident.findUniqueOrThrow({ where: { id: before.id }, select: INCIDENT_RECORD_SELECT }));
  await writeAudit(tx, { teamId: actor.teamId, action, entity: 'incident', entityId: before.id, before: toApiIncident(before), after: toApiIncident(after), ip: actor.ip, requestId: actor.requestId });
  return after;
}

/**
 * Alertmanager groups: how many OTHER alerts (fingerprints) seen on this incident are still
 * firing, judged by each fingerprint's latest event (a resolve sorts after a firing at the same time).
 */
async function firingElsewhere(tx: Tx, integrationId: string, incidentId: string, fingerprint: string): Promise<number> {
  const events = await tx.alertEvent.findMany({
    where: { integrationId, incidentId, status: { in: ['firing', 'resolved'] } },
    select: { dedupKey: true, status: true, occurredAt: true },
    orderBy: [{ occurredAt: 'asc' }, { status: 'asc' }],
  });
  const state = new Map<string, string>();
  for (const e of events) state.set(e.dedupKey.split(':')[0] ?? '', e.status);
  state.delete(fingerprint);
  return [...state.values()].filter((s) => s === 'firing').length;
}
