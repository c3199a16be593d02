'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import { TextAreaField } from '@/components/incidents/incident-form-fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from '@/lib/factors/schemas';
import { CATEGORY_OPTIONS } from './labels';
import styles from './factors.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;
interface Factor {
  id: string;
  name: string;
  category: string;
  description: string;
  version: number;
  archived: boolean;
}

/** Edits name, category and description with the version loaded; a stale version is refused with a message. */
export function FactorEditForm({ action, factor }: { action: Action; factor: Factor }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <details className={styles.panel} open={Boolean(state.fieldErrors) || (Boolean(state.message) && !state.ok)}>
      <summary>Edit factor</summary>
      {/* Keyed by version: after a save the fields show the saved values. */}
      <form key={factor.version} action={formAction} aria-label="Edit factor">
        <input type="hidden" name="id" value={factor.id} />
        <input type="hidden" name="version" value={factor.version} />
        <div className={styles.formRow}>
          <Field label="Name" name="name" id="edit-factor-name" state={state} required maxLength={MAX_NAME_LENGTH} defaultValue={factor.name} autoComplete="off" />
          <SelectField label="Category" name="category" id="edit-factor-category" state={state} options={CATEGORY_OPTIONS} defaultValue={factor.category} />
        </div>
        <TextAreaField label="Description" name="description" id="edit-factor-description" state={state} rows={3} maxLength={MAX_DESCRIPTION_LENGTH} defaultValue={factor.description} />
        <SubmitButton>Save factor</SubmitButton>
        <FormMessage state={state} />
      </form>
    </details>
  );
}

/** Archive or unarchive (admins): archived factors leave the catalog and the suggestions; links stay. */
export function FactorArchiveForm({ action, factor }: { action: Action; factor: Factor }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className={`${styles.actionsRow} ${styles.archiveRow}`}>
      <input type="hidden" name="id" value={factor.id} />
      <input type="hidden" name="version" value={factor.version} />
      <input type="hidden" name="archived" value={factor.archived ? 'false' : 'true'} />
      <SubmitButton variant="secondary" pendingText="Saving…">
        {factor.archived ? 'Unarchive factor' : 'Archive factor'}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Merge this factor into a survivor (admins); asks for confirmation because it cannot be undone. */
export function FactorMergeForm({ action, factor, targets }: { action: Action; factor: Factor; targets: { id: string; name: string; likelyDuplicate: boolean }[] }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  if (targets.length === 0) return <p className={styles.muted}>There is no other active factor to merge this one into.</p>;
  return (
    <details className={styles.panel} open={Boolean(state.message)}>
      <summary>Merge into another factor</summary>
      <p className={styles.muted}>
        For duplicates. Every incident link and action item of “{factor.name}” moves to the factor you keep; where an incident names both, one link stays with both explanations. “{factor.name}” is then archived and points to the survivor. This cannot be undone.
      </p>
      <form
        action={formAction}
        aria-label="Merge factor"
        onSubmit={(event) => {
          const select = event.currentTarget.elements.namedItem('survivorId') as HTMLSelectElement | null;
          const target = select?.selectedOptions[0]?.text ?? 'the other factor';
          if (!window.confirm(`Merge “${factor.name}” into “${target}”? This cannot be undone.`)) event.preventDefault();
        }}
      >
        <input type="hidden" name="sourceId" value={factor.id} />
        <SelectField label="Factor to keep" name="survivorId" id="merge-survivor" state={state} options={targets.map((t) => ({ value: t.id, label: t.likelyDuplicate ? `${t.name} (similar name)` : t.name }))} />
        <SubmitButton variant="danger" pendingText="Merging…">
          Merge
        </SubmitButton>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
