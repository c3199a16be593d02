'use server';

import { revalidatePath } from 'next/cache';
import { AppError } from '@/lib/errors';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { addComment, deleteComment, editComment, setThreadResolved } from '@/lib/postmortem/comments';
import { actionActor } from '@/lib/teams/session-actor';

// The slug and incident id are bound by the page; they are only lookup keys. actionActor checks the
// session and the membership; the domain functions check the role, the authorship, the incident's
// visibility, that the post-mortem is not published, and the versions.

/** A comment form's state; `commentId` is the comment to move focus to after a successful post. */
export type CommentFormState = FormState & { commentId?: string };

function refresh(slug: string) {
  revalidatePath(`/t/${encodeURIComponent(slug)}/incidents`, 'layout');
}

function failed(error: unknown, form: FormData): CommentFormState {
  if (error instanceof AppError && error.code === 'CONFLICT') return { message: error.message, values: { body: String(form.get('body') ?? '') } };
  return toFormState(error, form);
}

/** Starts a thread (on `sectionKey`, or the document when empty) or replies to `parentId`. */
export async function addCommentAction(slug: string, incidentId: string, _prev: CommentFormState, form: FormData): Promise<CommentFormState> {
  form = formArg(form);
  try {
    const input = { body: String(form.get('body') ?? ''), sectionKey: String(form.get('sectionKey') ?? ''), parentId: String(form.get('parentId') ?? '') };
    const created = await addComment(await actionActor(slug), incidentId, input);
    refresh(slug);
    return { ok: true, message: input.parentId ? 'Reply posted.' : 'Comment posted.', commentId: created.id };
  } catch (error) {
    return failed(error, form);
  }
}

export async function resolveThreadAction(slug: string, _prev: CommentFormState, form: FormData): Promise<CommentFormState> {
  form = formArg(form);
  try {
    const commentId = String(form.get('commentId') ?? '');
    const { resolved } = await setThreadResolved(await actionActor(slug), { commentId, resolved: form.get('resolved') === 'true' });
    refresh(slug);
    return { ok: true, message: resolved ? 'Thread resolved.' : 'Thread reopened.', commentId };
  } catch (error) {
    return failed(error, form);
  }
}

export async function editCommentAction(slug: string, _prev: CommentFormState, form: FormData): Promise<CommentFormState> {
  form = formArg(form);
  try {
    const commentId = String(form.get('commentId') ?? '');
    await editComment(await actionActor(slug), { commentId, body: String(form.get('body') ?? ''), version: String(form.get('version') ?? '') });
    refresh(slug);
    return { ok: true, message: 'Comment updated.', commentId };
  } catch (error) {
    return failed(error, form);
  }
}

export async function deleteCommentAction(slug: string, _prev: CommentFormState, form: FormData): Promise<CommentFormState> {
  form = formArg(form);
  try {
    await deleteComment(await actionActor(slug), { commentId: String(form.get('commentId') ?? ''), version: String(form.get('version') ?? '') });
    refresh(slug);
    return { ok: true, message: 'Comment deleted.' };
  } catch (error) {
    return failed(error, form);
  }
}
