'use client';

import { useActionState } from 'react';
import { updateActionAction } from '@/app/t/[team]/incidents/[number]/actions/actions';
import { FormMessage, SubmitButton } from '@/components/forms/fields';
import type { ActionFormState } from '@/lib/actions/form-input';
import type { ActionView } from '@/lib/actions/schemas';
import { ActionFields, type ActionOptions } from './action-fields';
import { ConflictMessage } from './conflict-message';
import styles from './actions.module.css';

/** Edits an action at the version shown; a stale version says who changed it and keeps what was typed. */
export function ActionEditForm({ slug, action, options, zone }: { slug: string; action: ActionView; options: ActionOptions; zone: string }) {
  const [state, formAction] = useActionState<ActionFormState, FormData>(updateActionAction.bind(null, slug, action.id), {});
  const defaults = {
    title: action.title,
    description: action.description,
    type: action.type,
    priority: action.priority,
    ownerId: action.owner?.id ?? '',
    dueDate: action.dueDate ?? '',
    ticketUrl: action.ticketUrl ?? '',
    factorId: action.factor?.id ?? '',
  };
  const factors = action.factor && !options.factors.some((f) => f.value === action.factor?.id) ? [...options.factors, { value: action.factor.id, label: action.factor.name }] : options.factors;
  return (
    <form action={formAction} aria-label={`Edit ${action.title}`} noValidate>
      <input type="hidden" name="version" value={action.version} />
      <ActionFields idPrefix={`edit-${action.id}`} state={state} defaults={defaults} options={{ ...options, factors, events: [] }} zone={zone} withEvent={false} />
      {state.conflict !== undefined ? <ConflictMessage conflict={state.conflict} /> : null}
      <div className={styles.filterActions}>
        <SubmitButton>Save changes</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
