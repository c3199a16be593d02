import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import {
  ActionPriority, ActionStatus, ActionType, AlertSource, FactorCategory, IncidentKind, IncidentStatus, MeetingItemStatus, MeetingNoteKind, MeetingStatus,
  PostmortemStatus, ReviewState, Role, Severity, TimelineKind, Visibility,
} from '@/lib/generated/prisma/enums';
import { ticketUrlSchema } from '@/lib/actions/schemas';

/**
 * The team export document, version 1 ("hindsight-team-export"). People are referenced by email,
 * rows by their export id (the id they had in the exporting instance; an import gives every row a
 * fresh id and rewrites each reference). Times are ISO-8601 UTC with milliseconds; due dates are
 * calendar days. Secrets (API tokens, invite links, webhook and alert secrets, password hashes),
 * the audit log and delivery logs are never exported.
 */

export const EXPORT_FORMAT = 'hindsight-team-export';
export const EXPORT_VERSION = 1;

const id = z.uuid();
const at = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const optionalAt = at.nullable();
const email = pgText().trim().toLowerCase().max(320).pipe(z.email());
const person = email.nullable();
const text = (max = 100_000) => pgText().max(max);
const versioned = { version: z.int().positive(), createdAt: at, updatedAt: at };

const incident = z.object({
  id, number: z.int().positive(), title: text(200), kind: z.enum(IncidentKind), severity: z.enum(Severity), status: z.enum(IncidentStatus),
  postmortemStatus: z.enum(PostmortemStatus), visibility: z.enum(Visibility), summary: text(), customerImpact: text(),
  startedAt: at, detectedAt: optionalAt, acknowledgedAt: optionalAt, mitigatedAt: optionalAt, resolvedAt: optionalAt, publishedAt: optionalAt,
  createdBy: person, alertSource: z.enum(AlertSource).nullable(), alertGroupKey: text(500).nullable(), ...versioned,
  services: z.array(id), members: z.array(email),
  sections: z.array(z.object({ id, key: text(100), title: text(200), position: z.int(), body: text(200_000), updatedBy: person, ...versioned })),
  timeline: z.array(z.object({ id, occurredAt: at, kind: z.enum(TimelineKind), body: text(), isKeyMoment: z.boolean(), author: person, ...versioned })),
  factors: z.array(z.object({ id, factor: id, howItContributed: text(), ...versioned })),
  reviews: z.array(z.object({ id, reviewer: email, state: z.enum(ReviewState), comments: text(), ...versioned })),
  comments: z.array(z.object({ id, sectionKey: text(100).nullable(), parent: id.nullable(), author: person, body: text(), resolvedAt: optionalAt, resolvedBy: person, ...versioned })),
  revisions: z.array(z.object({ id, entity: text(100), entityId: id, version: z.int(), content: z.json(), actor: person, createdAt: at })),
});

export const teamExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `This is not a Hindsight team export (format must be "${EXPORT_FORMAT}").` }),
  version: z.literal(EXPORT_VERSION, { error: `This export has a version this Hindsight cannot read (it reads version ${EXPORT_VERSION}).` }),
  exportedAt: at,
  team: z.object({
    slug: text(40), name: text(80), timeZone: text(100), reviewWeekday: z.int().min(1).max(7), reviewTime: pgText().regex(/^\d{2}:\d{2}$/),
    nextIncidentNo: z.int().positive(), blamelessAllowList: z.array(text(200)).max(1000), version: z.int().positive(), createdAt: at, updatedAt: at,
  }),
  users: z.array(z.object({ email, name: text(200), timeZone: text(100).nullable() })).max(10_000),
  members: z.array(z.object({ email, role: z.enum(Role), ...versioned })),
  services: z.array(z.object({ id, name: text(80), createdAt: at })),
  templateSections: z.array(z.object({ id, key: text(100), title: text(200), guidance: text(), position: z.int(), version: z.int().positive() })),
  factors: z.array(z.object({ id, name: text(200), category: z.enum(FactorCategory), description: text(), archivedAt: optionalAt, mergedInto: id.nullable(), ...versioned })),
  incidents: z.array(incident),
  actionItems: z.array(z.object({
    id, incident: id, factor: id.nullable(), timelineEvent: id.nullable(), meeting: id.nullable(), title: text(500), description: text(),
    type: z.enum(ActionType), priority: z.enum(ActionPriority), owner: person, dueDate: z.iso.date().nullable(), status: z.enum(ActionStatus),
    wontDoReason: text().nullable(), completedAt: optionalAt, ticketUrl: ticketUrlSchema.nullable(), overdueNotifiedAt: optionalAt, createdBy: person, ...versioned,
  })),
  meetings: z.array(z.object({
    id, status: z.enum(MeetingStatus), heldAt: at, endedAt: optionalAt, periodStart: at, periodEnd: at, facilitator: person, notes: text(), decisions: text(), ...versioned,
    attendees: z.array(email),
    incidents: z.array(z.object({ incident: id, reviewedAt: optionalAt, notes: text() })),
    items: z.array(z.object({ id, key: text(200), kind: text(50), refId: id.nullable(), title: text(500), detail: text(), position: z.int(), status: z.enum(MeetingItemStatus), carriedOver: z.boolean(), discussedAt: optionalAt, ...versioned })),
    entries: z.array(z.object({ id, item: id.nullable(), author: person, kind: z.enum(MeetingNoteKind), body: text(), ...versioned })),
  })),
  alertIntegrations: z.array(z.object({ source: z.enum(AlertSource), enabled: z.boolean(), applyAcknowledged: z.boolean(), applyResolved: z.boolean(), defaultSeverity: z.enum(Severity) })),
  webhookEndpoints: z.array(z.object({ url: text(2000), description: text(), events: z.array(text(100)), enabled: z.boolean() })),
});

/** The parsed document (Dates as Date). */
export type TeamExport = z.infer<typeof teamExportSchema>;
/** The document as written (Dates as ISO strings). */
export type TeamExportJson = z.input<typeof teamExportSchema>;
