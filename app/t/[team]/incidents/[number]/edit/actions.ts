'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { displayZone } from '@/components/incidents/format';
import { AppError } from '@/lib/errors';
import { formValues, toFormState, formArg } from '@/lib/forms';
import { incidentFormInput, type IncidentFormState } from '@/lib/incidents/incident-form-input';
import { updateIncident } from '@/lib/incidents/mutations';
import type { ApiIncident } from '@/lib/incidents/record';
import { actionActor } from '@/lib/teams/session-actor';

/**
 * Saves the edit form if the incident is still at the version the form was opened with; a
 * stale version returns the other version (never a silent overwrite) and keeps what was typed.
 */
export async function updateIncidentAction(slug: string, incidentId: string, _prev: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  form = formArg(form);
  let number: number;
  const services = form.getAll('services').map(String).join('\n');
  try {
    const actor = await actionActor(slug);
    const { zone } = displayZone(actor.user.timeZone, actor.team.timeZone);
    const version = Number(form.get('version'));
    ({ number } = await updateIncident(actor, incidentId, incidentFormInput(form, zone, 'update'), version));
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      const current = error.details.current as ApiIncident | undefined;
      return {
        message: error.message,
        values: { ...formValues(form), services },
        conflict: current ? { version: current.version, title: current.title, status: current.status, updatedAt: current.updatedAt } : undefined,
      };
    }
    const state = toFormState(error, form);
    return { ...state, values: { ...state.values, services } };
  }
  revalidatePath(`/t/${slug}/incidents`, 'layout');
  redirect(`/t/${encodeURIComponent(slug)}/incidents/${number}`);
}
