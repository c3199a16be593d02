import 'server-only';
import { writeAudit } from '@/lib/audit/write';
import { db, type Tx } from '@/lib/db';
import { AppError, conflict, notFound } from '@/lib/errors';
import type { AlertSource } from '@/lib/generated/prisma/enums';
import { authorize, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { enqueueWebhookEvent } from '@/lib/webhooks/outbox';
import { incidentEventData } from '@/lib/webhooks/payloads';
import { statusFromTimes } from './durations';
import { createIncidentSchema, timestampIssues, updateIncidentSchema, versionSchema, type CreateIncidentInput } from './incident-schemas';
import { INCIDENT_RECORD_SELECT, isUuid, toApiIncident, toRecord, type IncidentRecord } from './record';

/** Service ids for names, creating the missing ones (concurrent creators may race: skipDuplicates). */
async function serviceIds(tx: Tx, teamId: string, names: string[]): Promise<string[]> {
  if (!names.length) return [];
  await tx.service.createMany({ data: names.map((name) => ({ teamId, name })), skipDuplicates: true });
  const rows = await tx.service.findMany({ where: { teamId, name: { in: names } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Where a new incident came from, when not a person declaring it. */
export interface IncidentOrigin {
  alertSource?: AlertSource;
  alertGroupKey?: string;
  auditAction?: string;
}

const auditBase = (actor: Actor) => ({ teamId: actor.teamId, actorId: actor.userId, actorToken: actor.tokenId, ip: actor.ip, requestId: actor.requestId });

/**
 * Declares an incident (editor or above): the next per-team number (the team row's update
 * locks it until commit, so concurrent creates get distinct consecutive numbers), services by
 * name, post-mortem sections from the team's template, status from the timestamps, an audit row.
 */
export async function createIncident(actor: Actor, input: unknown): Promise<IncidentRecord> {
  authorize(actor, 'editor', 'declare incidents');
  const data = createIncidentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const record = await insertIncident(tx, actor, data);
    await enqueueWebhookEvent(tx, actor.teamId, 'incident.created', incidentEventData(actor.teamSlug, record));
    return record;
  });
}

/**
 * The rows of one new incident inside the caller's transaction (declare, alerts, imports); the
 * caller has authorized and parsed. Queues no webhook event: historic imports must not notify.
 */
export async function insertIncident(tx: Tx, actor: Actor, data: CreateIncidentInput, origin: IncidentOrigin = {}): Promise<IncidentRecord> {
  const team = await tx.team.update({ where: { id: actor.teamId }, data: { nextIncidentNo: { increment: 1 } }, select: { nextIncidentNo: true } });
  const services = await serviceIds(tx, actor.teamId, data.services);
  const template = await tx.templateSection.findMany({ where: { teamId: actor.teamId }, orderBy: { position: 'asc' }, select: { key: true, title: true, position: true } });
  const row = await tx.incident.create({
    data: {
      teamId: actor.teamId,
      number: team.nextIncidentNo - 1,
      title: data.title,
      severity: data.severity,
      kind: data.kind,
      visibility: data.visibility,
      summary: data.summary,
      customerImpact: data.customerImpact,
      startedAt: data.startedAt,
      detectedAt: data.detectedAt ?? null,
      acknowledgedAt: data.acknowledgedAt ?? null,
      mitigatedAt: data.mitigatedAt ?? null,
      resolvedAt: data.resolvedAt ?? null,
      status: statusFromTimes(data),
      createdById: actor.userId,
      alertSource: origin.alertSource ?? null,
      alertGroupKey: origin.alertGroupKey ?? null,
      services: { create: services.map((serviceId) => ({ serviceId })) },
      // Whoever restricts an incident keeps seeing it.
      members: { create: data.visibility === 'restricted' && actor.userId ? [{ userId: actor.userId }] : [] },
      sections: { create: template.map((s) => ({ key: s.key, title: s.title, position: s.position, body: '' })) },
    },
    select: INCIDENT_RECORD_SELECT,
  });
  const record = toRecord(row);
  await writeAudit(tx, { ...auditBase(actor), action: origin.auditAction ?? 'incident.create', entity: 'incident', entityId: record.id, after: toApiIncident(record) });
  return record;
}

/**
 * Edits an incident (editor or above) if it is still at `version`: NOT_FOUND when this actor may
 * not see it, CONFLICT (with the current incident) when someone saved in between. The order
 * rules run on the incident as it would be after the change.
 */
export async function updateIncident(actor: Actor, id: string, input: unknown, version: number): Promise<IncidentRecord> {
  authorize(actor, 'editor', 'edit incidents');
  if (!isUuid(id)) throw notFound('Incident not found');
  const expected = versionSchema.parse(version);
  const patch = updateIncidentSchema.parse(input);
  const where = { id, ...visibleIncidentsWhere(actor) };
  return db.$transaction(async (tx) => {
    const current = await tx.incident.findFirst({ where, select: INCIDENT_RECORD_SELECT });
    if (!current) throw notFound('Incident not found');
    const before = toRecord(current);
    const staleMessage = `Someone else saved this incident (now version ${before.version}) after you opened it (version ${expected}). Nothing of yours was saved.`;
    if (before.version !== expected) throw conflict(staleMessage, toApiIncident(before));

    const times = {
      startedAt: patch.startedAt ?? before.startedAt,
      detectedAt: patch.detectedAt === undefined ? before.detectedAt : patch.detectedAt,
      acknowledgedAt: patch.acknowledgedAt === undefined ? before.acknowledgedAt : patch.acknowledgedAt,
      mitigatedAt: patch.mitigatedAt === undefined ? before.mitigatedAt : patch.mitigatedAt,
      resolvedAt: patch.resolvedAt === undefined ? before.resolvedAt : patch.resolvedAt,
    };
    const issues = timestampIssues(times);
    if (issues.length) throw new AppError('VALIDATION', issues[0]?.message ?? 'Check the timestamps.', { fields: issues });

    const { services, ...fields } = patch;
    const updated = await tx.incident.updateMany({
      where: { ...where, version: expected },
      data: { ...fields, ...times, status: statusFromTimes(times), version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const now = await tx.incident.findFirst({ where, select: INCIDENT_RECORD_SELECT });
      if (!now) throw notFound('Incident not found');
      throw conflict(staleMessage, toApiIncident(toRecord(now)));
    }
    if (services) {
      const ids = await serviceIds(tx, actor.teamId, services);
      await tx.incidentService.deleteMany({ where: { incidentId: id, serviceId: { notIn: ids } } });
      await tx.incidentService.createMany({ data: ids.map((serviceId) => ({ incidentId: id, serviceId })), skipDuplicates: true });
    }
    if (patch.visibility === 'restricted' && actor.userId) {
      await tx.incidentMember.createMany({ data: [{ incidentId: id, userId: actor.userId }], skipDuplicates: true });
    }
    const after = toRecord(await tx.incident.findFirstOrThrow({ where: { id }, select: INCIDENT_RECORD_SELECT }));
    await writeAudit(tx, { ...auditBase(actor), action: 'incident.update', entity: 'incident', entityId: id, before: toApiIncident(before), after: toApiIncident(after) });
    // Announced once per resolution: editing an already resolved incident's times is not news.
    if (!before.resolvedAt && after.resolvedAt) await enqueueWebhookEvent(tx, actor.teamId, 'incident.resolved', incidentEventData(actor.teamSlug, after));
    return after;
  });
}
