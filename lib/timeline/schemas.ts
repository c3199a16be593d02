import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';

/** The kinds of a timeline entry, in the order the editor offers them (matches the Prisma enum). */
export const TIMELINE_KINDS = ['detection', 'diagnosis', 'action', 'communication', 'escalation', 'mitigation', 'resolution', 'note'] as const;
export type TimelineKindName = (typeof TIMELINE_KINDS)[number];

export const MAX_BODY_LENGTH = 5000;
/** A paste import is one transaction; this bounds it. */
export const MAX_IMPORT_ROWS = 500;

/** ISO-8601 with an explicit offset ("Z" or "+02:00"): an instant, never a floating local time. */
const instant = z.iso
  .datetime({ offset: true, message: 'Use an ISO-8601 timestamp with an offset, e.g. 2026-03-01T14:02:00Z' })
  .transform((s) => new Date(s));
const body = pgText().trim().min(1, 'Say what happened').max(MAX_BODY_LENGTH, `At most ${MAX_BODY_LENGTH} characters`);
const kind = z.enum(TIMELINE_KINDS, { message: `One of ${TIMELINE_KINDS.join(', ')}` }).meta({ description: 'What sort of moment it was.' });

const keyMoment = z.boolean().meta({ description: 'A key moment of the incident (highlighted in the post-mortem).' });

export const eventInputSchema = z.strictObject({
  occurredAt: instant.meta({ description: 'When it happened, ISO-8601 with offset.' }),
  kind,
  body: body.meta({ description: 'What happened.' }),
  keyMoment: keyMoment.optional(),
});
export type EventInput = z.infer<typeof eventInputSchema>;

export const eventPatchSchema = z.strictObject({
  version: z.int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE).meta({ description: 'The version you last read (optimistic concurrency).' }),
  occurredAt: instant.optional().meta({ description: 'When it happened, ISO-8601 with offset.' }),
  kind: kind.optional(),
  body: body.optional().meta({ description: 'What happened.' }),
  keyMoment: keyMoment.optional(),
});
export type EventPatch = z.infer<typeof eventPatchSchema>;

export const eventIdSchema = z.uuid({ message: 'Not a timeline entry id' });
/** The version of a delete (a query parameter in the API, so it may arrive as a string). */
export const deleteVersionSchema = z.object({
  version: z.coerce.number<unknown>().int('A whole number').min(1, 'The version you loaded').max(MAX_ROW_VERSION, VERSION_TOO_LARGE).meta({ description: 'The version you last read (optimistic concurrency).' }),
});

export const importRowsSchema = z
  .array(eventInputSchema)
  .min(1, 'Tick at least one entry to import')
  .max(MAX_IMPORT_ROWS, `At most ${MAX_IMPORT_ROWS} entries per import`);

/** A timeline entry as the UI and the API see it (JSON-safe). */
export interface TimelineEventView {
  id: string;
  occurredAt: string;
  kind: TimelineKindName;
  body: string;
  keyMoment: boolean;
  version: number;
  author: string | null;
}
