'use server';

import { headers } from 'next/headers';
import { signOutEverywhere } from '@/lib/auth/mutations';
import { requireUser } from '@/lib/auth/session';
import { toFormState, type FormState } from '@/lib/forms';
import { clientIp } from '@/lib/http/client-ip';

/** Ends every session of the signed-in user; the form then signs this browser out as well. */
export async function signOutEverywhereAction(_prev: FormState): Promise<FormState> {
  try {
    const user = await requireUser();
    await signOutEverywhere(user.id, clientIp(await headers()));
  } catch (error) {
    return toFormState(error);
  }
  return { ok: true, message: 'Signed out everywhere. Signing this browser out…' };
}
