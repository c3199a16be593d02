'use server';

import { revalidatePath } from 'next/cache';
import { AppError } from '@/lib/errors';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { getIncidentHeader, incidentNumberArg } from '@/lib/incidents/detail';
import { linkFactor, unlinkFactor, updateLink } from '@/lib/factors/links';
import { suggestFactors } from '@/lib/factors/queries';
import type { FactorCategoryName, IncidentFactorView } from '@/lib/factors/schemas';
import { actionActor } from '@/lib/teams/session-actor';

// actionActor checks the session and the membership; the domain functions check the role, the
// incident's visibility and post-mortem state, the version, and re-validate with zod. The slug
// and the incident number are bound by the page and are only lookup keys.

function incidentPaths(slug: string, number: number) {
  const base = `/t/${encodeURIComponent(slug)}/incidents/${incidentNumberArg(number)}`;
  revalidatePath(base, 'layout');
  revalidatePath(`/t/${encodeURIComponent(slug)}/factors`, 'layout');
}

export interface SuggestionState {
  suggestions: { id: string; name: string; category: FactorCategoryName }[];
  denied?: boolean;
  message?: string;
}

/** Catalog suggestions for the link form's combobox (any member of the team). */
export async function suggestFactorsAction(slug: string, q: string): Promise<SuggestionState> {
  try {
    const actor = await actionActor(slug);
    return { suggestions: await suggestFactors(actor, typeof q === 'string' ? q : '') };
  } catch (error) {
    const { denied, message } = toFormState(error);
    return { suggestions: [], denied, message };
  }
}

export async function linkFactorAction(slug: string, number: number, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let name: string;
  try {
    const actor = await actionActor(slug);
    const incident = await getIncidentHeader(actor, incidentNumberArg(number));
    const how = form.get('howItContributed');
    const factorId = String(form.get('factorId') ?? '');
    const input = factorId ? { factorId, howItContributed: how } : { newName: form.get('newName') || form.get('factorQuery'), category: form.get('category'), howItContributed: how };
    name = (await linkFactor(actor, incident.id, input)).factorName;
  } catch (error) {
    return toFormState(error, form);
  }
  incidentPaths(slug, number);
  return { ok: true, message: `Linked “${name}”.` };
}

export async function updateLinkAction(slug: string, number: number, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const actor = await actionActor(slug);
    await updateLink(actor, String(form.get('linkId') ?? ''), { version: form.get('version'), howItContributed: form.get('howItContributed') });
  } catch (error) {
    const state = toFormState(error, form);
    const current = error instanceof AppError && error.code === 'CONFLICT' ? (error.details.current as IncidentFactorView | null) : null;
    if (current) {
      // Reload the page data (the new version) and keep the user's text in the box: saving again is a deliberate overwrite.
      incidentPaths(slug, number);
      return { ...state, message: `Someone else changed this since you loaded it. Theirs now reads: “${current.howItContributed}”. Your text is still below; save again to replace theirs.` };
    }
    return state;
  }
  incidentPaths(slug, number);
  return { ok: true, message: 'Saved.' };
}

export async function unlinkFactorAction(slug: string, number: number, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const actor = await actionActor(slug);
    await unlinkFactor(actor, String(form.get('linkId') ?? ''), { version: form.get('version') });
  } catch (error) {
    return toFormState(error, form);
  }
  incidentPaths(slug, number);
  return { ok: true, message: 'Unlinked.' };
}
