import 'server-only';
import { db } from '@/lib/db';
import { conflict, forbidden, notFound } from '@/lib/errors';
import { authorize, type Actor } from '@/lib/teams/access';
import { auditMeeting, itemVisible, meetingHead, requireParticipant, UUID, visibleRefIds } from './access';
import { noteEditSchema, noteInputSchema, versionSchema } from './schemas';

export interface NoteView {
  id: string;
  itemId: string | null;
  kind: 'note' | 'decision';
  body: string;
  version: number;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

const NOTE_SELECT = { id: true, itemId: true, kind: true, body: true, version: true, authorId: true, createdAt: true, author: { select: { name: true } } } as const;

function toNoteView(row: { id: string; itemId: string | null; kind: 'note' | 'decision'; body: string; version: number; authorId: string | null; createdAt: Date; author: { name: string } | null }): NoteView {
  return { id: row.id, itemId: row.itemId, kind: row.kind, body: row.body, version: row.version, authorId: row.authorId, authorName: row.author?.name ?? null, createdAt: row.createdAt.toISOString() };
}

/**
 * Adds a note or decision as its own entry (attendees and editors), so two people writing at once
 * both keep what they wrote: nothing is read-modify-written.
 */
export async function addNote(actor: Actor, meetingId: string, input: unknown): Promise<NoteView> {
  authorize(actor, 'viewer', 'take meeting notes');
  const data = noteInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    requireParticipant(actor, await meetingHead(tx, actor, meetingId), 'take notes');
    if (data.itemId) {
      const item = await tx.meetingItem.findFirst({ where: { id: data.itemId, meetingId }, select: { kind: true, refId: true } });
      if (!item || !itemVisible(item, await visibleRefIds(tx, actor, [item]))) throw notFound('Agenda item not found');
    }
    const row = await tx.meetingNote.create({ data: { meetingId, itemId: data.itemId ?? null, kind: data.kind, body: data.body, authorId: actor.userId }, select: NOTE_SELECT });
    await auditMeeting(tx, actor, 'meeting.note_add', 'meeting_note', row.id, undefined, { meetingId, itemId: row.itemId, kind: row.kind, body: row.body });
    return toNoteView(row);
  });
}

async function ownNote(actor: Actor, noteId: string) {
  if (!UUID.test(noteId)) throw notFound('Note not found');
  const note = await db.meetingNote.findFirst({ where: { id: noteId, meeting: { teamId: actor.teamId } }, select: { ...NOTE_SELECT, meetingId: true } });
  if (!note) throw notFound('Note not found');
  if (note.authorId !== actor.userId) throw forbidden('You can change only your own notes.');
  return note;
}

/** Rewrites one's own entry at the version one saw (CONFLICT with the current entry otherwise). */
export async function editNote(actor: Actor, noteId: string, input: unknown): Promise<NoteView> {
  authorize(actor, 'viewer', 'edit meeting notes');
  const data = noteEditSchema.parse(input);
  const before = await ownNote(actor, noteId);
  return db.$transaction(async (tx) => {
    requireParticipant(actor, await meetingHead(tx, actor, before.meetingId), 'edit notes');
    const { count } = await tx.meetingNote.updateMany({ where: { id: noteId, version: data.version }, data: { body: data.body, version: { increment: 1 } } });
    if (count === 0) {
      const current = await tx.meetingNote.findUnique({ where: { id: noteId }, select: NOTE_SELECT });
      throw conflict('This entry changed since you loaded it (another tab?); nothing was overwritten.', current ? toNoteView(current) : null);
    }
    const after = toNoteView(await tx.meetingNote.findUniqueOrThrow({ where: { id: noteId }, select: NOTE_SELECT }));
    await auditMeeting(tx, actor, 'meeting.note_edit', 'meeting_note', noteId, { body: before.body, version: before.version }, { body: after.body, version: after.version });
    return after;
  });
}

/** Deletes one's own entry at the version one saw. */
export async function deleteNote(actor: Actor, noteId: string, input: unknown): Promise<void> {
  authorize(actor, 'viewer', 'delete meeting notes');
  const { version } = versionSchema.parse(input);
  const before = await ownNote(actor, noteId);
  await db.$transaction(async (tx) => {
    requireParticipant(actor, await meetingHead(tx, actor, before.meetingId), 'delete notes');
    const { count } = await tx.meetingNote.deleteMany({ where: { id: noteId, version } });
    if (count === 0) throw conflict('This entry changed since you loaded it; reload before deleting it.');
    await auditMeeting(tx, actor, 'meeting.note_delete', 'meeting_note', noteId, { body: before.body, kind: before.kind, version: before.version });
  });
}

export { toNoteView, NOTE_SELECT };
