'use server';

import { revalidatePath } from 'next/cache';
import { AppError } from '@/lib/errors';
import { formArg, toFormState, type FormState } from '@/lib/forms';
import { actionActor } from '@/lib/teams/session-actor';
import { saveAllowList } from '@/lib/postmortem/allow-list';
import { saveTemplate } from '@/lib/teams/template';

// actionActor checks the session and the membership; saveTemplate checks the admin role and the
// versions. The slug is bound by the page and is only a lookup key.

function readPayload(form: FormData): { sections: unknown; versions: unknown } {
  const raw = form.get('payload');
  try {
    const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object' && 'sections' in parsed && 'versions' in parsed) return { sections: parsed.sections, versions: parsed.versions };
  } catch {
    // Reported below.
  }
  throw new AppError('VALIDATION', 'The template could not be read; reload the page and try again.');
}

export async function saveTemplateAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const actor = await actionActor(slug);
    const { sections, versions } = readPayload(form);
    // saveTemplate validates both with its zod schema; the casts only satisfy the signature.
    await saveTemplate(actor, sections as Parameters<typeof saveTemplate>[1], versions as Record<string, number>);
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/t/${encodeURIComponent(slug)}/settings/template`);
  return { ok: true, message: 'Template saved. New incidents use it; existing post-mortems keep their sections.' };
}

export async function saveAllowListAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  try {
    const saved = await saveAllowList(await actionActor(slug), { phrases: String(form.get('phrases') ?? ''), version: String(form.get('version') ?? '') });
    revalidatePath(`/t/${encodeURIComponent(slug)}`, 'layout');
    const n = saved.phrases.length;
    return { ok: true, message: n === 0 ? 'Allow-list saved: it is empty, so every phrase is checked.' : `Allow-list saved: ${n} ${n === 1 ? 'phrase is' : 'phrases are'} never flagged.` };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') return { message: error.message, values: { phrases: String(form.get('phrases') ?? '') } };
    return toFormState(error, form);
  }
}
