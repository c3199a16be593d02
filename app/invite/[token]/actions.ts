'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { clientIp } from '@/lib/http/client-ip';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { acceptInvite } from '@/lib/teams/invites';

/** Joins the team of invite `token` as the signed-in user, then opens the team. */
export async function acceptInviteAction(token: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  let teamSlug: string;
  try {
    const user = await requireUser();
    const h = await headers();
    ({ teamSlug } = await acceptInvite(user.id, token, { ip: clientIp(h), requestId: h.get('x-request-id') ?? undefined }));
  } catch (error) {
    return toFormState(error, form);
  }
  redirect(`/t/${encodeURIComponent(teamSlug)}/incidents`);
}
