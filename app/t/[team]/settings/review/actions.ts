'use server';

import { revalidatePath } from 'next/cache';
import { AppError } from '@/lib/errors';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { formatReviewTime, nextReview, WEEKDAYS } from '@/lib/meetings/cadence';
import { saveCadence } from '@/lib/meetings/cadence-store';
import { actionActor } from '@/lib/teams/session-actor';

// actionActor checks the session and the membership; saveCadence checks the admin role and the
// team version. The slug is bound by the page and is only a lookup key.
export async function saveCadenceAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const saved = await saveCadence(await actionActor(slug), { weekday: form.get('weekday'), time: form.get('time'), version: form.get('version') });
    revalidatePath(`/t/${encodeURIComponent(slug)}`, 'layout');
    return {
      ok: true,
      message: `Saved: the review is on ${WEEKDAYS[saved.reviewWeekday - 1]}s at ${saved.reviewTime} (${saved.timeZone}). Next: ${formatReviewTime(nextReview(saved, new Date()), saved.timeZone)}.`,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') return { message: error.message, values: { weekday: String(form.get('weekday') ?? ''), time: String(form.get('time') ?? '') } };
    return toFormState(error, form);
  }
}
