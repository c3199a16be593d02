'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import { TextAreaField } from '@/components/incidents/incident-form-fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from '@/lib/factors/schemas';
import { CATEGORY_OPTIONS } from './labels';
import styles from './factors.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** Adds a factor to the catalog; a name the team already has (ignoring case) is refused next to the field. */
export function FactorCreateForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <details className={styles.panel} open={Boolean(state.fieldErrors)}>
      <summary>New factor</summary>
      <form action={formAction} aria-label="New factor">
        <div className={styles.formRow}>
          <Field label="Name" name="name" id="new-factor-name" state={state} required maxLength={MAX_NAME_LENGTH} autoComplete="off" hint="A systemic condition, e.g. “No canary stage for config changes”, never a person." />
          <SelectField label="Category" name="category" id="new-factor-category" state={state} options={CATEGORY_OPTIONS} defaultValue="technical" />
        </div>
        <TextAreaField label="Description (optional)" name="description" id="new-factor-description" state={state} rows={2} maxLength={MAX_DESCRIPTION_LENGTH} />
        <SubmitButton pendingText="Adding…">Add factor</SubmitButton>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
