'use server';

import { revalidatePath } from 'next/cache';
import { AppError } from '@/lib/errors';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { decideReview, publishPostmortem, reopenPostmortem, requestReview, withdrawFromReview } from '@/lib/postmortem/review';
import { actionActor } from '@/lib/teams/session-actor';

// The slug and incident id are bound by the page; they are only lookup keys. actionActor checks
// the session and the membership, the domain functions the role, the visibility and the state.

function refresh(slug: string) {
  revalidatePath(`/t/${encodeURIComponent(slug)}/incidents`, 'layout');
}

/** A state change that lost a race is not a validation error: say so plainly. */
function failed(error: unknown, form: FormData): FormState {
  if (error instanceof AppError && error.code === 'CONFLICT') return { message: error.message };
  return toFormState(error, form);
}

export async function requestReviewAction(slug: string, incidentId: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const reviewerIds = form.getAll('reviewerIds').filter((v): v is string => typeof v === 'string');
    await requestReview(await actionActor(slug), incidentId, { reviewerIds });
    refresh(slug);
    return { ok: true, message: 'Review requested.' };
  } catch (error) {
    return failed(error, form);
  }
}

export async function decideReviewAction(slug: string, incidentId: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const input = { decision: String(form.get('decision') ?? ''), comments: String(form.get('comments') ?? ''), version: String(form.get('version') ?? '') };
    const saved = await decideReview(await actionActor(slug), incidentId, input);
    refresh(slug);
    return { ok: true, message: saved.state === 'approved' ? 'You approved this post-mortem.' : 'You requested changes.' };
  } catch (error) {
    return failed(error, form);
  }
}

export async function publishAction(slug: string, incidentId: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const published = await publishPostmortem(await actionActor(slug), incidentId);
    refresh(slug);
    const flags = published.openFlags;
    return { ok: true, message: flags > 0 ? `Published, with ${flags} open blameless-language flag${flags === 1 ? '' : 's'}.` : 'Published.' };
  } catch (error) {
    return failed(error, form);
  }
}

export async function reopenAction(slug: string, incidentId: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    await reopenPostmortem(await actionActor(slug), incidentId, { reason: String(form.get('reason') ?? '') });
    refresh(slug);
    return { ok: true, message: 'Reopened as a draft.' };
  } catch (error) {
    return failed(error, form);
  }
}

export async function withdrawAction(slug: string, incidentId: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const withdrawn = await withdrawFromReview(await actionActor(slug), incidentId, { reviews: String(form.get('reviews') ?? '') });
    refresh(slug);
    const n = withdrawn.cancelled;
    return { ok: true, message: `Withdrawn to draft${n > 0 ? `; ${n} pending review request${n === 1 ? ' was' : 's were'} cancelled` : ''}.` };
  } catch (error) {
    return failed(error, form);
  }
}
