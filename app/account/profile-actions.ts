'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { updateProfile } from '@/lib/auth/profile';
import { requireUser } from '@/lib/auth/session';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { clientIp } from '@/lib/http/client-ip';

/** Saves the signed-in user's time zone; an empty choice means "use the team's time zone". */
export async function saveProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const user = await requireUser();
    const zone = form.get('timeZone');
    const timeZone = typeof zone === 'string' && zone !== '' ? zone : null;
    const saved = await updateProfile(user.id, { timeZone }, { ip: clientIp(await headers()) });
    revalidatePath('/', 'layout');
    return { ok: true, message: saved.timeZone ? `Times are now shown in ${saved.timeZone}.` : 'Times are now shown in each team’s time zone.' };
  } catch (error) {
    return toFormState(error, form);
  }
}
