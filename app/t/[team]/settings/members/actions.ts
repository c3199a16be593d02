'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formValues, toFormState, type FormState, formArg } from '@/lib/forms';
import { createInvite, createInviteSchema, inviteIdSchema, revokeInvite } from '@/lib/teams/invites';
import { changeRole, changeRoleSchema, leaveTeam, membershipIdSchema, removeMember } from '@/lib/teams/members';
import { actionActor, type TeamActor } from '@/lib/teams/session-actor';

// Every action: the session and the membership are checked by actionActor, the role and the
// rules by the domain function. The slug is bound by the page; it is only a lookup key.

type Fields = Record<string, FormDataEntryValue>;

/** Runs one members-page change for the signed-in user, then refreshes the page's data. */
async function membersAction(slug: string, form: FormData, run: (actor: TeamActor, fields: Fields) => Promise<FormState>): Promise<FormState> {
  let result: FormState;
  try {
    result = await run(await actionActor(slug), Object.fromEntries(form));
  } catch (error) {
    return toFormState(error, form);
  }
  revalidatePath(`/t/${encodeURIComponent(slug)}/settings/members`);
  return result;
}

export async function changeRoleAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  return membersAction(slug, form, async (actor, fields) => {
    const input = changeRoleSchema.parse(fields);
    await changeRole(actor, input.membershipId, input.role, input.version);
    return { ok: true, message: 'Role saved. It applies from their next page load.' };
  });
}

export async function removeMemberAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  return membersAction(slug, form, async (actor, fields) => {
    await removeMember(actor, membershipIdSchema.parse(fields).membershipId);
    return { ok: true, message: 'Member removed.' };
  });
}

export async function createInviteAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  return membersAction(slug, form, async (actor, fields) => {
    const { path } = await createInvite(actor, createInviteSchema.parse(fields));
    return { ok: true, message: 'Invite link created. Copy it now: it is shown only once.', secret: path, values: formValues(form) };
  });
}

export async function revokeInviteAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  return membersAction(slug, form, async (actor, fields) => {
    await revokeInvite(actor, inviteIdSchema.parse(fields).inviteId);
    return { ok: true, message: 'Invite revoked. The link no longer works.' };
  });
}

export async function leaveTeamAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    await leaveTeam(await actionActor(slug));
  } catch (error) {
    return toFormState(error, form);
  }
  redirect('/account');
}
