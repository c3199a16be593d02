'use server';

import { formArg } from '@/lib/forms';
import { actionFailure, actionFormInput, type ActionFormState } from '@/lib/actions/form-input';
import { createAction, updateAction } from '@/lib/actions/mutations';
import { revalidateActions } from '@/lib/actions/revalidate';
import type { ActionView } from '@/lib/actions/schemas';
import { actionActor } from '@/lib/teams/session-actor';

// actionActor checks the session and the membership; the domain functions check the role, the
// incident's visibility, the version and every input (zod). The slug and ids are lookup keys.

export async function createActionAction(slug: string, incidentId: string, _prev: ActionFormState, form: FormData): Promise<ActionFormState> {
  form = formArg(form);
  let created: ActionView;
  try {
    const input = actionFormInput(form, ['title', 'description', 'type', 'priority', 'ownerId', 'dueDate', 'ticketUrl', 'factorId', 'timelineEventId']);
    // Created during a review meeting: the form says which (checked by the domain layer).
    const meetingId = form.get('meetingId');
    created = await createAction(await actionActor(slug), incidentId, input, typeof meetingId === 'string' && meetingId ? { meetingId } : {});
  } catch (error) {
    return actionFailure(error, form);
  }
  revalidateActions(slug);
  return { ok: true, message: `Action “${created.title}” added.` };
}

export async function updateActionAction(slug: string, actionId: string, _prev: ActionFormState, form: FormData): Promise<ActionFormState> {
  form = formArg(form);
  let saved: ActionView;
  try {
    const input = actionFormInput(form, ['version', 'title', 'description', 'type', 'priority', 'ownerId', 'dueDate', 'ticketUrl', 'factorId']);
    saved = await updateAction(await actionActor(slug), actionId, input);
  } catch (error) {
    return actionFailure(error, form);
  }
  revalidateActions(slug);
  return { ok: true, message: `Saved (version ${saved.version}).` };
}
