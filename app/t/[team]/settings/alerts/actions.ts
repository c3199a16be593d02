'use server';

import { revalidatePath } from 'next/cache';
import { createIntegration, rotateIntegrationSecret, updateIntegrationSettings } from '@/lib/alerts/mutations';
import { ALERT_SOURCE_LABELS, ALERT_SOURCES, type AlertSourceName } from '@/lib/alerts/schemas';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { actionActor } from '@/lib/teams/session-actor';

// actionActor checks the session and the membership; the domain functions check the admin role.
// The slug is bound by the page and is only a lookup key.

function alertsPath(slug: string): string {
  return `/t/${encodeURIComponent(slug)}/settings/alerts`;
}

function sourceLabel(value: FormDataEntryValue | null): string {
  return (ALERT_SOURCES as readonly string[]).includes(String(value)) ? ALERT_SOURCE_LABELS[value as AlertSourceName] : 'the source';
}

export async function connectAlertSourceAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let secret: string | null;
  try {
    const actor = await actionActor(slug);
    ({ secret } = await createIntegration(actor, { source: form.get('source'), secret: form.get('secret') }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(alertsPath(slug));
  return { ok: true, message: `Connected ${sourceLabel(form.get('source'))}.`, ...(secret ? { secret } : {}) };
}

export async function rotateAlertSecretAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let secret: string | null;
  try {
    const actor = await actionActor(slug);
    ({ secret } = await rotateIntegrationSecret(actor, { source: form.get('source'), secret: form.get('secret'), version: form.get('version') }));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(alertsPath(slug));
  return { ok: true, message: `New secret saved for ${sourceLabel(form.get('source'))}: deliveries with the old one are refused from now on.`, ...(secret ? { secret } : {}) };
}

export async function saveAlertSettingsAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const actor = await actionActor(slug);
    await updateIntegrationSettings(actor, {
      source: form.get('source'),
      enabled: form.get('enabled'),
      applyAcknowledged: form.get('applyAcknowledged'),
      applyResolved: form.get('applyResolved'),
      defaultSeverity: form.get('defaultSeverity'),
      version: form.get('version'),
    });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(alertsPath(slug));
  return { ok: true, message: `Saved the settings of ${sourceLabel(form.get('source'))}.` };
}
