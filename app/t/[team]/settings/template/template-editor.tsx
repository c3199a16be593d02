'use client';

import { useActionState, useId, useState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/components/forms/fields';
import styles from '@/components/forms/forms.module.css';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';

export interface EditorSection {
  id: string;
  title: string;
  guidance: string;
  version: number;
}

interface Draft {
  /** A React key that survives reordering (the id for saved sections). */
  uid: string;
  id?: string;
  title: string;
  guidance: string;
}

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * Edits the whole template and saves it at once: add, rename, describe, reorder (Move up / Move
 * down, keyboard-friendly, no dragging) and remove. The versions it was given travel with the save
 * so a concurrent change by another admin is reported instead of overwritten.
 */
export function TemplateEditor({ sections, action }: { sections: readonly EditorSection[]; action: Action }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const [drafts, setDrafts] = useState<Draft[]>(() => sections.map((s) => ({ uid: s.id, id: s.id, title: s.title, guidance: s.guidance })));
  const [created, setCreated] = useState(0);
  const baseId = useId();
  const versions = Object.fromEntries(sections.map((s) => [s.id, s.version]));
  const payload = JSON.stringify({ sections: drafts.map(({ id, title, guidance }) => ({ ...(id ? { id } : {}), title, guidance })), versions });
  const update = (index: number, patch: Partial<Draft>) => setDrafts((list) => list.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  return (
    <form action={formAction} aria-describedby={`${baseId}-help`}>
      <p id={`${baseId}-help`} className={styles.hint}>
        New incidents get these sections in this order. Post-mortems already started keep their own sections.
      </p>
      <input type="hidden" name="payload" value={payload} />
      {state.fieldErrors?.sections ? (
        <p className={styles.error} role="alert">
          {state.fieldErrors.sections}
        </p>
      ) : null}
      <ol>
        {drafts.map((draft, index) => {
          const fieldId = `${baseId}-${draft.uid}`;
          const titleError = state.fieldErrors?.[`sections.${index}.title`];
          return (
            <li key={draft.uid}>
              <fieldset>
                <legend>
                  Section {index + 1}: {draft.title || 'untitled'}
                </legend>
                <Field
                  id={`${fieldId}-title`}
                  name={`title-${index}`}
                  label="Title"
                  value={draft.title}
                  onChange={(e) => update(index, { title: e.target.value })}
                  required
                  maxLength={80}
                  state={titleError ? { fieldErrors: { [`title-${index}`]: titleError } } : undefined}
                />
                <div className={styles.field}>
                  <label htmlFor={`${fieldId}-guidance`} className={styles.label}>
                    Guidance for writers
                  </label>
                  <textarea
                    id={`${fieldId}-guidance`}
                    className={styles.input}
                    rows={2}
                    maxLength={1000}
                    value={draft.guidance}
                    onChange={(e) => update(index, { guidance: e.target.value })}
                  />
                </div>
                <div role="group" aria-label={`Arrange section ${index + 1}`}>
                  <button type="button" className="button" disabled={index === 0} onClick={() => setDrafts((list) => move(list, index, index - 1))}>
                    Move up<span className="visually-hidden">: {draft.title}</span>
                  </button>{' '}
                  <button type="button" className="button" disabled={index === drafts.length - 1} onClick={() => setDrafts((list) => move(list, index, index + 1))}>
                    Move down<span className="visually-hidden">: {draft.title}</span>
                  </button>{' '}
                  <button type="button" className={`button ${styles.danger}`} disabled={drafts.length === 1} onClick={() => setDrafts((list) => list.filter((_, i) => i !== index))}>
                    Remove<span className="visually-hidden">: {draft.title}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDrafts((list) => [...list, { uid: `new-${created}`, title: '', guidance: '' }]);
            setCreated((n) => n + 1);
          }}
        >
          Add a section
        </button>
      </p>
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving the template…">Save the template</SubmitButton>
    </form>
  );
}
