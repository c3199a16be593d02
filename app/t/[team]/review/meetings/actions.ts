'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { endMeeting, markIncidentReviewed, setItemStatus, startMeeting } from '@/lib/meetings/meeting';
import { addNote, deleteNote, editNote, type NoteView } from '@/lib/meetings/notes';
import { actionActor } from '@/lib/teams/session-actor';

// actionActor checks the session and the membership; the domain functions check the role, the
// attendance, the meeting's state, every version and every input (zod). Slugs and ids are keys.

export interface MeetingFormState extends FormState {
  /** Start refused because this meeting is already running. */
  runningId?: string;
  /** The entry just saved (the note form shows it until the page refreshes). */
  note?: NoteView;
  /** On a stale note edit: the entry as it is now (null when it was deleted). */
  current?: NoteView | null;
}

const meetingsPath = (slug: string) => `/t/${encodeURIComponent(slug)}/review`;

function failure(error: unknown, form: FormData): MeetingFormState {
  const state: MeetingFormState = toFormState(error, form);
  if (error instanceof AppError && error.code === 'CONFLICT') {
    const current = error.details.current as { id?: string } | NoteView | null | undefined;
    if (current && 'body' in current) state.current = current;
    else if (current && typeof current.id === 'string') state.runningId = current.id;
  }
  return state;
}

export async function startMeetingAction(slug: string, _prev: MeetingFormState, form: FormData): Promise<MeetingFormState> {
  form = formArg(form);
  let id: string;
  try {
    const input = { attendeeIds: form.getAll('attendeeIds').filter((v) => typeof v === 'string'), facilitatorId: form.get('facilitatorId') ?? '' };
    id = (await startMeeting(await actionActor(slug), input)).id;
  } catch (error) {
    return failure(error, form);
  }
  revalidatePath(meetingsPath(slug), 'layout');
  redirect(`/t/${encodeURIComponent(slug)}/review/meetings/${id}`);
}

export async function addNoteAction(slug: string, meetingId: string, _prev: MeetingFormState, form: FormData): Promise<MeetingFormState> {
  form = formArg(form);
  let note: NoteView;
  try {
    note = await addNote(await actionActor(slug), meetingId, { itemId: form.get('itemId') ?? '', kind: form.get('kind') ?? '', body: form.get('body') ?? '' });
  } catch (error) {
    return failure(error, form);
  }
  revalidatePath(meetingsPath(slug), 'layout');
  return { ok: true, message: note.kind === 'decision' ? 'Decision saved.' : 'Note saved.', note };
}

export async function editNoteAction(slug: string, noteId: string, _prev: MeetingFormState, form: FormData): Promise<MeetingFormState> {
  form = formArg(form);
  try {
    await editNote(await actionActor(slug), noteId, { body: form.get('body') ?? '', version: form.get('version') ?? '' });
  } catch (error) {
    return failure(error, form);
  }
  revalidatePath(meetingsPath(slug), 'layout');
  return { ok: true, message: 'Saved.' };
}

export async function deleteNoteAction(slug: string, noteId: string, _prev: MeetingFormState, form: FormData): Promise<MeetingFormState> {
  form = formArg(form);
  try {
    await deleteNote(await actionActor(slug), noteId, { version: form.get('version') ?? '' });
  } catch (error) {
    return failure(error, form);
  }
  revalidatePath(meetingsPath(slug), 'layout');
  return { ok: true, message: 'Deleted.' };
}

export async function setItemStatusAction(slug: string, itemId: string, _prev: MeetingFormState, form: FormData): Promise<MeetingFormState> {
  form = formArg(form);
  try {
    await setItemStatus(await actionActor(slug), itemId, { status: form.get('status') ?? '', version: form.get('version') ?? '' });
  } catch (error) {
    return failure(error, form);
  }
  revalidatePath(meetingsPath(slug), 'layout');
  return { ok: true, message: form.get('status') === 'discussed' ? 'Marked discussed.' : 'Back to pending.' };
}

export async function markReviewedAction(slug: string, meetingId: string, incidentId: string, _prev: MeetingFormState, _form: FormData): Promise<MeetingFormState> {
  try {
    await markIncidentReviewed(await actionActor(slug), meetingId, incidentId);
  } catch (error) {
    return failure(error, formArg(_form));
  }
  revalidatePath(meetingsPath(slug), 'layout');
  return { ok: true, message: 'Marked reviewed.' };
}

export async function endMeetingAction(slug: string, meetingId: string, _prev: MeetingFormState, form: FormData): Promise<MeetingFormState> {
  form = formArg(form);
  let carried: number;
  try {
    carried = (await endMeeting(await actionActor(slug), meetingId, { version: form.get('version') ?? '' })).carriedOver;
  } catch (error) {
    return failure(error, form);
  }
  revalidatePath(meetingsPath(slug), 'layout');
  return { ok: true, message: `Meeting ended. ${carried === 0 ? 'Every item was reached.' : `${carried} ${carried === 1 ? 'item' : 'items'} carried over to the next meeting.`}` };
}
