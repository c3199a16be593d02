'use server';

import { revalidatePath } from 'next/cache';
import { AppError } from '@/lib/errors';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { actionActor } from '@/lib/teams/session-actor';
import { createEndpoint, deleteEndpoint, rotateEndpointSecret, sendTestEvent, updateEndpoint } from '@/lib/webhooks/mutations';

// actionActor checks the session and the membership; the lib/webhooks mutations check the admin
// role and that the endpoint belongs to the team. The slug is bound by the page (a lookup key only).

function webhooksPath(slug: string): string {
  return `/t/${encodeURIComponent(slug)}/settings/webhooks`;
}

function endpointInput(form: FormData) {
  return {
    url: form.get('url'),
    description: form.get('description') ?? '',
    events: form.getAll('events').filter((v) => typeof v === 'string'),
    enabled: form.get('enabled') === 'true' || form.get('enabled') === 'on',
    version: form.get('version'),
  };
}

/** The form state of a failed save, echoing every ticked event (formValues keeps one value per name). */
function failed(error: unknown, form: FormData): FormState {
  const state = toFormState(error, form);
  return { ...state, values: { ...state.values, events: form.getAll('events').filter((v) => typeof v === 'string').join(',') } };
}

export async function createWebhookAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let created: Awaited<ReturnType<typeof createEndpoint>>;
  try {
    const actor = await actionActor(slug);
    created = await createEndpoint(actor, endpointInput(form));
  } catch (error) {
    return failed(error, form);
  }
  revalidatePath(webhooksPath(slug));
  return { ok: true, message: `Added the endpoint ${created.endpoint.url}.`, secret: created.secret };
}

export async function updateWebhookAction(slug: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let updated: Awaited<ReturnType<typeof updateEndpoint>>;
  try {
    const actor = await actionActor(slug);
    updated = await updateEndpoint(actor, id, endpointInput(form));
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) return failed(error, form);
    // The page reloads with the current settings (no echo of the refused ones); the message says why.
    revalidatePath(webhooksPath(slug));
    return { ok: false, message: error.message };
  }
  revalidatePath(webhooksPath(slug));
  return { ok: true, message: updated.enabled ? 'Saved. The endpoint is enabled.' : 'Saved. The endpoint is disabled: no events are queued for it.' };
}

export async function rotateWebhookSecretAction(slug: string, id: string, _prev: FormState): Promise<FormState> {
  try {
    const actor = await actionActor(slug);
    const { secret } = await rotateEndpointSecret(actor, id);
    revalidatePath(webhooksPath(slug));
    return { ok: true, message: 'New signing secret created. Every delivery from now on is signed with it.', secret };
  } catch (error) {
    return toFormState(error);
  }
}

export async function deleteWebhookAction(slug: string, id: string, _prev: FormState): Promise<FormState> {
  try {
    const actor = await actionActor(slug);
    await deleteEndpoint(actor, id);
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(webhooksPath(slug));
  return { ok: true, message: 'Endpoint deleted.' };
}

export async function sendTestWebhookAction(slug: string, id: string, _prev: FormState): Promise<FormState> {
  try {
    const actor = await actionActor(slug);
    const result = await sendTestEvent(actor, id);
    revalidatePath(webhooksPath(slug));
    const took = `${result.durationMs} ms`;
    if (result.ok) return { ok: true, message: `Test event delivered: the endpoint answered ${result.statusCode} in ${took}.` };
    return { ok: false, message: `Test event failed: ${result.error ?? 'no answer'}${result.statusCode ? '' : ` (after ${took})`}.` };
  } catch (error) {
    return toFormState(error);
  }
}
