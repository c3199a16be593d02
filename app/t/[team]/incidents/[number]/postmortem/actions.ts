'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { AppError, isDatabaseUnavailable } from '@/lib/errors';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { restoreRevision, restoreRevisionSchema, saveSection, type SectionConflict } from '@/lib/postmortem/sections';
import { actionActor } from '@/lib/teams/session-actor';

/** What the autosave gets back: never a thrown error, so the editor can always keep the text. */
export type SaveSectionResult =
  | { ok: true; version: number; at: string }
  | { ok: false; conflict: SectionConflict }
  | { ok: false; denied?: boolean; retryable: boolean; message: string };

// The slug is bound by the page; it is only a lookup key. actionActor checks the session and
// the membership, saveSection the role, the incident's visibility and the version.
export async function saveSectionAction(slug: string, sectionId: string, body: string, version: number): Promise<SaveSectionResult> {
  try {
    const saved = await saveSection(await actionActor(slug), sectionId, body, version);
    return { ok: true, version: saved.version, at: saved.updatedAt };
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === 'CONFLICT') return { ok: false, conflict: error.details.current as SectionConflict };
      const denied = error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND';
      return { ok: false, retryable: error.code === 'UNAVAILABLE', message: error.message, ...(denied ? { denied } : {}) };
    }
    if (error instanceof z.ZodError) return { ok: false, retryable: false, message: error.issues[0]?.message ?? 'The section could not be saved.' };
    if (isDatabaseUnavailable(error)) return { ok: false, retryable: true, message: 'Hindsight is temporarily unavailable; your text is kept and will be retried.' };
    throw error;
  }
}

/** Restores an earlier revision of a section (as a new revision), from the history page. */
export async function restoreRevisionAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const input = restoreRevisionSchema.parse(Object.fromEntries(form));
    const saved = await restoreRevision(await actionActor(slug), input.sectionId, input.revisionVersion, input.version);
    revalidatePath(`/t/${encodeURIComponent(slug)}/incidents`, 'layout');
    return { ok: true, message: `Restored revision ${input.revisionVersion} as version ${saved.version}.` };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') return { message: 'The section changed since this page was loaded. Reload the history and try again.' };
    return toFormState(error, form);
  }
}
