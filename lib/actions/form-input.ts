import { AppError } from '@/lib/errors';
import { toFormState, type FormState } from '@/lib/forms';
import type { ActionStatusName, ActionView } from './schemas';

/** What the action forms' server actions return. */
export interface ActionFormState extends FormState {
  /** On a stale version: the action as it is now (null when it is gone). */
  conflict?: { version: number; status: ActionStatusName; title: string; updatedAt: string } | null;
  /** Bulk change: the actions that were stale (nothing changed). */
  stale?: { id: string; title: string; version: number }[];
}

const FIELDS = ['title', 'description', 'type', 'priority', 'ownerId', 'dueDate', 'ticketUrl', 'factorId', 'timelineEventId', 'status', 'wontDoReason', 'version'] as const;

/** The action form's fields as the domain's input (only those the form sent; strings as typed). */
export function actionFormInput(form: FormData, allowed: readonly (typeof FIELDS)[number][] = FIELDS): Record<string, string> {
  const input: Record<string, string> = {};
  for (const key of allowed) {
    const value = form.get(key);
    if (typeof value === 'string') input[key] = value;
  }
  return input;
}

/** The ticked rows of the bulk form: each checkbox's value is "<id>:<version>". */
export function bulkItems(form: FormData): { id: string; version: string }[] {
  return form.getAll('selected').flatMap((value) => {
    if (typeof value !== 'string') return [];
    const [id = '', version = ''] = value.split(':');
    return [{ id, version }];
  });
}

/** A failed action form: field errors next to fields; on a stale version, the action as it is now. */
export function actionFailure(error: unknown, form: FormData): ActionFormState {
  const state: ActionFormState = toFormState(error, form);
  if (error instanceof AppError && error.code === 'CONFLICT') {
    const current = error.details.current;
    if (Array.isArray(current)) state.stale = current as { id: string; title: string; version: number }[];
    else {
      const view = current as ActionView | null | undefined;
      state.conflict = view ? { version: view.version, status: view.status, title: view.title, updatedAt: view.updatedAt } : null;
    }
  }
  return state;
}
