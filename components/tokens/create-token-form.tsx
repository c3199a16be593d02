'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { NewToken } from './new-token';
import styles from './tokens.module.css';

const ROLE_OPTIONS = [
  { value: 'viewer', label: 'Viewer: read only' },
  { value: 'editor', label: 'Editor: read and write' },
  { value: 'admin', label: 'Admin: everything' },
] as const;

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** Name and role of a new token; on success the secret is shown once, below the form. */
export function CreateTokenForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <>
      <form action={formAction} aria-labelledby="create-token-title">
        <div className={styles.createRow}>
          <Field
            label="Name"
            name="name"
            state={state}
            required
            maxLength={80}
            autoComplete="off"
            hint="What will use it, e.g. “CI deploy bot”."
          />
          <SelectField label="Role" name="role" state={state} options={ROLE_OPTIONS} defaultValue="viewer" />
          <div className={styles.createSubmit}>
            <SubmitButton pendingText="Creating…">Create token</SubmitButton>
          </div>
        </div>
      </form>
      <div className={styles.result}>
        <FormMessage state={state} />
        {state.ok && state.secret ? <NewToken key={state.secret} token={state.secret} /> : null}
      </div>
    </>
  );
}
