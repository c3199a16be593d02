'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { clientIp } from '@/lib/http/client-ip';
import { createTeam } from '@/lib/teams/mutations';

/** Creates a team with the signed-in user as its admin, then opens it. */
export async function createTeamAction(_prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let slug: string;
  try {
    const user = await requireUser();
    ({ slug } = await createTeam(user.id, { name: form.get('name'), slug: form.get('slug'), timeZone: form.get('timeZone') || undefined }, { ip: clientIp(await headers()) }));
  } catch (error) {
    return toFormState(error, form);
  }
  redirect(`/t/${encodeURIComponent(slug)}/incidents`);
}
