'use server';

import { headers } from 'next/headers';
import { signUp } from '@/lib/auth/mutations';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { clientIp } from '@/lib/http/client-ip';

/** Creates the account; the form then signs in with the same credentials (next-auth, client side). */
export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    await signUp({ name: form.get('name'), email: form.get('email'), password: form.get('password') }, clientIp(await headers()));
  } catch (error) {
    return toFormState(error, form);
  }
  return { ok: true };
}
