'use server';

import { revalidatePath } from 'next/cache';
import type { TimelineActionState } from '@/components/timeline/types';
import { AppError } from '@/lib/errors';
import { toFormState } from '@/lib/forms';
import { getIncidentHeader, incidentNumberArg } from '@/lib/incidents/detail';
import { addEvent, addEvents, deleteEvent, updateEvent } from '@/lib/timeline/mutations';
import type { TimelineEventView } from '@/lib/timeline/schemas';
import { actionActor } from '@/lib/teams/session-actor';

// actionActor checks the session and the membership; the domain functions check the role, the
// incident's visibility and the version, and re-validate every input with zod. The slug and the
// incident number are bound by the page and are only lookup keys.

function timelinePath(slug: string, number: number): string {
  return `/t/${encodeURIComponent(slug)}/incidents/${incidentNumberArg(number)}/timeline`;
}

function failure(error: unknown): TimelineActionState {
  const state: TimelineActionState = toFormState(error);
  if (error instanceof AppError && error.code === 'CONFLICT') state.conflict = (error.details.current as TimelineEventView | null | undefined) ?? null;
  return state;
}

async function incidentIdOf(slug: string, number: number) {
  const actor = await actionActor(slug);
  const incident = await getIncidentHeader(actor, incidentNumberArg(number));
  return { actor, incidentId: incident.id };
}

export async function addEventAction(slug: string, number: number, input: unknown): Promise<TimelineActionState> {
  let event: TimelineEventView;
  try {
    const { actor, incidentId } = await incidentIdOf(slug, number);
    event = await addEvent(actor, incidentId, input);
  } catch (error) {
    return failure(error);
  }
  revalidatePath(timelinePath(slug, number));
  return { ok: true, event, message: 'Entry added.' };
}

export async function importEventsAction(slug: string, number: number, rows: unknown): Promise<TimelineActionState> {
  let count: number;
  try {
    const { actor, incidentId } = await incidentIdOf(slug, number);
    count = (await addEvents(actor, incidentId, rows)).length;
  } catch (error) {
    return failure(error);
  }
  revalidatePath(timelinePath(slug, number));
  return { ok: true, count, message: `Imported ${count} ${count === 1 ? 'entry' : 'entries'}.` };
}

export async function updateEventAction(slug: string, number: number, eventId: string, patch: unknown): Promise<TimelineActionState> {
  let event: TimelineEventView;
  try {
    event = await updateEvent(await actionActor(slug), eventId, patch);
  } catch (error) {
    return failure(error);
  }
  revalidatePath(timelinePath(slug, number));
  return { ok: true, event, message: 'Entry saved.' };
}

export async function deleteEventAction(slug: string, number: number, eventId: string, version: unknown): Promise<TimelineActionState> {
  try {
    await deleteEvent(await actionActor(slug), eventId, version);
  } catch (error) {
    return failure(error);
  }
  revalidatePath(timelinePath(slug, number));
  return { ok: true, message: 'Entry deleted.' };
}
