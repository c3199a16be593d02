import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';
import type { FieldIssue } from '@/lib/errors';
import { IncidentKind, Severity, Visibility } from '@/lib/generated/prisma/enums';
import type { IncidentTimes } from './durations';

/**
 * Create and update input for incidents, shared by the forms (after their local times are
 * converted to instants) and the REST API (ISO-8601 with offset). The order rules of
 * METRICS.md section 1 are errors on the later, offending field.
 */

export const TIMESTAMP_FIELDS = ['startedAt', 'detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt'] as const;
export type TimestampField = (typeof TIMESTAMP_FIELDS)[number];

export const TIMESTAMP_LABELS: Record<TimestampField, string> = {
  startedAt: 'Started',
  detectedAt: 'Detected',
  acknowledgedAt: 'Acknowledged',
  mitigatedAt: 'Mitigated',
  resolvedAt: 'Resolved',
};

/** Clocks of browsers and API clients drift: a minute of tolerance before "in the future". */
export const FUTURE_TOLERANCE_MS = 60_000;

/** Each rule: `field` must not be before the first of `after` that is set. */
const ORDER_RULES: { field: TimestampField; after: TimestampField[] }[] = [
  { field: 'detectedAt', after: ['startedAt'] },
  { field: 'acknowledgedAt', after: ['detectedAt', 'startedAt'] },
  { field: 'mitigatedAt', after: ['startedAt'] },
  { field: 'resolvedAt', after: ['mitigatedAt', 'startedAt'] },
];

/** The order and "not in the future" problems of a set of timestamps, at most one per field. */
export function timestampIssues(t: IncidentTimes, now: Date = new Date()): FieldIssue[] {
  const issues = new Map<TimestampField, string>();
  for (const field of TIMESTAMP_FIELDS) {
    const value = t[field];
    if (value && value.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) issues.set(field, `${TIMESTAMP_LABELS[field]} cannot be in the future.`);
  }
  for (const rule of ORDER_RULES) {
    const value = t[rule.field];
    const bound = rule.after.find((f) => t[f]);
    const boundValue = bound ? t[bound] : null;
    if (!value || !bound || !boundValue || issues.has(rule.field)) continue;
    if (value.getTime() < boundValue.getTime()) {
      issues.set(rule.field, `${TIMESTAMP_LABELS[rule.field]} cannot be before ${TIMESTAMP_LABELS[bound].toLowerCase()} (${rule.field} must be at or after ${bound}).`);
    }
  }
  return TIMESTAMP_FIELDS.flatMap((field) => (issues.has(field) ? [{ path: [field], message: issues.get(field) ?? '' }] : []));
}

const instant = (field: TimestampField) =>
  z.union([
    z.date(),
    z.iso.datetime({ offset: true, error: `${field} must be an ISO-8601 time with offset, e.g. 2026-03-08T14:02:00Z.` }).transform((s) => new Date(s)),
  ], { error: `${field} must be an ISO-8601 time with offset, e.g. 2026-03-08T14:02:00Z.` });

const optionalInstant = (field: TimestampField, description: string) => instant(field).nullable().optional().meta({ description: `${description} ISO-8601 with offset, or null.` });

const serviceName = pgText().trim().min(1, 'A service name cannot be empty.').max(80, 'A service name must be at most 80 characters.');

const fields = {
  title: pgText({ error: 'Give the incident a title.' }).trim().min(1, 'Give the incident a title.').max(200, 'The title must be at most 200 characters.').meta({ description: 'What happened, in a few words.' }),
  severity: z.enum(Severity, { error: 'Severity must be SEV1, SEV2, SEV3 or SEV4.' }).meta({ description: 'SEV1 is the most severe.' }),
  kind: z.enum(IncidentKind, { error: 'Kind must be incident or drill.' }).meta({ description: 'A drill is a rehearsal; metrics count incidents unless asked for drills.' }),
  visibility: z.enum(Visibility, { error: 'Visibility must be team or restricted.' }).meta({ description: 'restricted: only admins and the members named on the incident see it.' }),
  summary: pgText().max(20_000, 'The summary must be at most 20,000 characters.').meta({ description: 'What happened and why, in Markdown.' }),
  customerImpact: pgText().max(20_000, 'Customer impact must be at most 20,000 characters.').meta({ description: 'Who was affected and how, in Markdown.' }),
  services: z.array(serviceName).max(20, 'Name at most 20 services.').transform((names) => [...new Set(names)]).meta({ description: 'The affected services, by name.' }),
  startedAt: instant('startedAt').meta({ description: 'When the impact began. ISO-8601 with offset, e.g. 2026-03-08T14:02:00Z.' }),
  detectedAt: optionalInstant('detectedAt', 'When someone or something noticed.'),
  acknowledgedAt: optionalInstant('acknowledgedAt', 'When a responder took it on.'),
  mitigatedAt: optionalInstant('mitigatedAt', 'When the impact stopped.'),
  resolvedAt: optionalInstant('resolvedAt', 'When the underlying problem was fixed.'),
};

function orderRefinement(value: Partial<IncidentTimes>, ctx: z.RefinementCtx): void {
  if (!value.startedAt) return;
  for (const issue of timestampIssues({ ...value, startedAt: value.startedAt })) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}

export const createIncidentSchema = z
  .strictObject({
    ...fields,
    kind: fields.kind.default('incident'),
    visibility: fields.visibility.default('team'),
    summary: fields.summary.default(''),
    customerImpact: fields.customerImpact.default(''),
    services: fields.services.default([]),
  })
  .superRefine(orderRefinement);
export type CreateIncidentInput = z.infer<typeof createIncidentSchema>;

/** A partial update; the order rules run on the merged incident in updateIncident. */
export const updateIncidentSchema = z.strictObject({
  title: fields.title.optional(),
  severity: fields.severity.optional(),
  kind: fields.kind.optional(),
  visibility: fields.visibility.optional(),
  summary: fields.summary.optional(),
  customerImpact: fields.customerImpact.optional(),
  services: fields.services.optional(),
  startedAt: fields.startedAt.optional(),
  detectedAt: fields.detectedAt,
  acknowledgedAt: fields.acknowledgedAt,
  mitigatedAt: fields.mitigatedAt,
  resolvedAt: fields.resolvedAt,
});
export type UpdateIncidentInput = z.infer<typeof updateIncidentSchema>;

export const versionSchema = z
  .int({ error: 'version must be the whole number you last read.' })
  .positive('version must be the whole number you last read.')
  .max(MAX_ROW_VERSION, VERSION_TOO_LARGE)
  .meta({ description: 'The version you last read (optimistic concurrency).' });

/** The PATCH body of the API: the update plus the version it was based on. */
export const patchIncidentSchema = updateIncidentSchema.extend({ version: versionSchema });
