import { z } from 'zod';
import { AppError, isDatabaseUnavailable } from '@/lib/errors';

/** What every server action returns to its form (useActionState). */
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Echo of what the user typed, so a failed submit never empties the form. */
  values?: Record<string, string>;
  /** A value to show once (e.g. a new API token or invite link). */
  secret?: string;
  /** Set when the actor may not do this (not signed in, wrong role, not a member). */
  denied?: boolean;
}

export const EMPTY_FORM_STATE: FormState = {};

/**
 * A server action's FormData argument. The client sends the arguments, so a hand-made request can
 * put anything there (nothing, a string, an object): that reads as an empty form, which then fails
 * validation like any incomplete submit, instead of a TypeError on form.get (a 500).
 */
export function formArg(form: unknown): FormData {
  return form instanceof FormData ? form : new FormData();
}

export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && !/password|secret|token/i.test(key)) values[key] = value;
  return values;
}

/**
 * The one mapping from a thrown error to a form state: field errors next to the field, a
 * readable message otherwise. Unexpected errors are rethrown (Next logs them with a digest).
 */
export function toFormState(error: unknown, form?: FormData): FormState {
  const values = form ? formValues(form) : undefined;
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = issue.path.map(String).join('.') || 'form';
      fieldErrors[key] ??= issue.message;
    }
    return { fieldErrors, message: 'Check the highlighted fields.', values };
  }
  if (error instanceof AppError) {
    if (error.code === 'VALIDATION' && error.details.fields?.length) {
      const fieldErrors = Object.fromEntries(error.details.fields.map((f) => [f.path.map(String).join('.'), f.message]));
      return { fieldErrors, message: error.message, values };
    }
    const denied = error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND';
    return { message: error.message, values, ...(denied ? { denied } : {}) };
  }
  if (isDatabaseUnavailable(error)) return { message: 'Hindsight is temporarily unavailable (the database cannot be reached). Nothing was saved; try again in a moment.', values };
  throw error;
}
