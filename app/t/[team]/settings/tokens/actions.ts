'use server';

import { revalidatePath } from 'next/cache';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { actionActor } from '@/lib/teams/session-actor';
import { createToken, revokeToken } from '@/lib/tokens/mutations';
import { displayPrefix } from '@/lib/tokens/mint';

// actionActor checks the session and the membership; createToken/revokeToken check the role.
// The slug is bound by the page and is only a lookup key.

function tokensPath(slug: string): string {
  return `/t/${encodeURIComponent(slug)}/settings/tokens`;
}

export async function createTokenAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let created: Awaited<ReturnType<typeof createToken>>;
  try {
    const actor = await actionActor(slug);
    created = await createToken(actor, { name: form.get('name'), role: form.get('role') });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(tokensPath(slug));
  return { ok: true, message: `Created the ${created.role} token “${created.name}” (${displayPrefix(created.prefix)}).`, secret: created.token };
}

export async function revokeTokenAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let result: Awaited<ReturnType<typeof revokeToken>>;
  try {
    const actor = await actionActor(slug);
    result = await revokeToken(actor, { id: form.get('id') });
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(tokensPath(slug));
  return { ok: true, message: result.alreadyRevoked ? 'That token was already revoked.' : 'Token revoked. Requests with it are refused from now on.' };
}
