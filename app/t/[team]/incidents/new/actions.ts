'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { displayZone } from '@/components/incidents/format';
import { toFormState, formArg } from '@/lib/forms';
import { incidentFormInput, type IncidentFormState } from '@/lib/incidents/incident-form-input';
import { createIncident } from '@/lib/incidents/mutations';
import { actionActor } from '@/lib/teams/session-actor';

/** Declares an incident from the form (times in the user's zone), then opens its overview. */
export async function createIncidentAction(slug: string, _prev: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  form = formArg(form);
  let number: number;
  try {
    const actor = await actionActor(slug);
    const { zone } = displayZone(actor.user.timeZone, actor.team.timeZone);
    ({ number } = await createIncident(actor, incidentFormInput(form, zone, 'create')));
  } catch (error) {
    const state = toFormState(error, form);
    return { ...state, values: { ...state.values, services: form.getAll('services').map(String).join('\n') } };
  }
  revalidatePath(`/t/${slug}/incidents`);
  redirect(`/t/${encodeURIComponent(slug)}/incidents/${number}`);
}
