import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';

export const MAX_NOTE = 5000;
export const MEETINGS_PAGE_SIZE = 20;
export const NOTE_KINDS = ['note', 'decision'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

const id = (what: string) => z.uuid({ message: `Not a ${what} id` });
const version = z.coerce.number<unknown>().int('The version you loaded').min(1, 'The version you loaded').max(MAX_ROW_VERSION, VERSION_TOO_LARGE);
const body = pgText().trim().min(1, 'Write something first').max(MAX_NOTE, `At most ${MAX_NOTE} characters`);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Who is in the meeting and who runs it (the facilitator is an attendee too). */
export const startMeetingSchema = z.strictObject({
  attendeeIds: z.array(id('member')).min(1, 'Tick at least one attendee').max(200, 'At most 200 attendees'),
  facilitatorId: id('member'),
});
export type StartMeetingInput = z.infer<typeof startMeetingSchema>;

/** A new note or decision, on an agenda item or (without itemId) on the meeting as a whole. */
export const noteInputSchema = z.strictObject({
  itemId: z.preprocess(blankToUndefined, id('agenda item').optional()),
  kind: z.enum(NOTE_KINDS, { message: 'Choose note or decision' }),
  body,
});

export const noteEditSchema = z.strictObject({ body, version });
export const versionSchema = z.strictObject({ version });

export const itemStatusSchema = z.strictObject({
  status: z.enum(['discussed', 'pending'], { message: 'Choose discussed or pending' }),
  version,
});

export const meetingPageSchema = z.coerce.number<unknown>().int().min(1).max(10_000).catch(1);
