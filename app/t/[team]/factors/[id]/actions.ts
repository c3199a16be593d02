'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { mergeFactors, setFactorArchived, updateFactor } from '@/lib/factors/mutations';
import { actionActor } from '@/lib/teams/session-actor';

// actionActor checks the session and the membership; the domain functions check the role
// (editors edit; admins archive and merge), the team, the version, and re-validate with zod.

const catalogPath = (slug: string) => `/t/${encodeURIComponent(slug)}/factors`;

export async function updateFactorAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const id = String(form.get('id') ?? '');
  try {
    const actor = await actionActor(slug);
    await updateFactor(actor, id, { version: form.get('version'), name: form.get('name'), category: form.get('category'), description: form.get('description') ?? '' });
  } catch (error) {
    const state = toFormState(error, form);
    if (error instanceof AppError && error.code === 'CONFLICT') {
      // Load their version; the form keeps what this user typed, so saving again is a deliberate overwrite.
      revalidatePath(catalogPath(slug), 'layout');
      const current = error.details.current as { name?: string } | null;
      return { ...state, message: `Someone else changed this factor since you loaded it${current?.name ? ` (it is now called “${current.name}”)` : ''}. Your changes are still in the form; save again to replace theirs.` };
    }
    return state;
  }
  revalidatePath(catalogPath(slug), 'layout');
  return { ok: true, message: 'Factor saved.' };
}

export async function archiveFactorAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let archived: boolean;
  try {
    const actor = await actionActor(slug);
    archived = (await setFactorArchived(actor, String(form.get('id') ?? ''), { version: form.get('version'), archived: form.get('archived') })).archivedAt !== null;
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(catalogPath(slug), 'layout');
  return { ok: true, message: archived ? 'Archived: hidden from the catalog and from suggestions. Its links stay.' : 'Unarchived: back in the catalog and in suggestions.' };
}

export async function mergeFactorAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let survivorId: string;
  try {
    const actor = await actionActor(slug);
    survivorId = (await mergeFactors(actor, { sourceId: form.get('sourceId'), survivorId: form.get('survivorId') })).survivor.id;
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(catalogPath(slug), 'layout');
  redirect(`${catalogPath(slug)}/${survivorId}?merged=1`);
}
