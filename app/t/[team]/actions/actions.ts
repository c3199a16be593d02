'use server';

import { formArg } from '@/lib/forms';
import { actionFailure, actionFormInput, bulkItems, type ActionFormState } from '@/lib/actions/form-input';
import { bulkChangeStatus, updateAction } from '@/lib/actions/mutations';
import { revalidateActions } from '@/lib/actions/revalidate';
import { STATUS_LABEL, type ActionView } from '@/lib/actions/schemas';
import { actionActor } from '@/lib/teams/session-actor';

// Status changes, shared by the incident's actions tab, the team board and "My actions". The
// domain layer decides who may (editors, or the action's owner) and checks every version.

export async function changeActionStatusAction(slug: string, actionId: string, _prev: ActionFormState, form: FormData): Promise<ActionFormState> {
  form = formArg(form);
  let saved: ActionView;
  try {
    saved = await updateAction(await actionActor(slug), actionId, actionFormInput(form, ['version', 'status', 'wontDoReason']));
  } catch (error) {
    return actionFailure(error, form);
  }
  revalidateActions(slug);
  return { ok: true, message: `Now ${STATUS_LABEL[saved.status].toLowerCase()}.` };
}

export async function bulkChangeStatusAction(slug: string, _prev: ActionFormState, form: FormData): Promise<ActionFormState> {
  form = formArg(form);
  let count: number;
  try {
    const input = { items: bulkItems(form), status: form.get('status') ?? '', wontDoReason: form.get('wontDoReason') ?? '' };
    count = (await bulkChangeStatus(await actionActor(slug), input)).length;
  } catch (error) {
    const state = actionFailure(error, form);
    if (state.fieldErrors?.items) state.fieldErrors.selected = state.fieldErrors.items;
    return state;
  }
  revalidateActions(slug);
  return { ok: true, message: `${count} ${count === 1 ? 'action' : 'actions'} changed.` };
}
