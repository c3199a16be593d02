'use server';

import { revalidatePath } from 'next/cache';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { createFactor } from '@/lib/factors/mutations';
import { actionActor } from '@/lib/teams/session-actor';

// actionActor checks the session and the membership; createFactor checks the role and the
// unique name and re-validates the input with zod. The slug is bound by the page.

export async function createFactorAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let name: string;
  try {
    const actor = await actionActor(slug);
    name = (await createFactor(actor, { name: form.get('name'), category: form.get('category'), description: form.get('description') ?? '' })).name;
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(`/t/${encodeURIComponent(slug)}/factors`);
  return { ok: true, message: `Added “${name}” to the catalog.` };
}
