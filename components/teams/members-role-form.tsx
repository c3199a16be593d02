'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { ROLE_OPTIONS } from './members-roles';
import styles from './members.module.css';

/** A server action bound to its team, as useActionState calls it. */
export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

/** The one-line result of a row's form (saved, or why not), announced to screen readers. */
export function RowMessage({ state, id }: { state: FormState; id?: string }) {
  const tone = state.ok ? styles.rowOk : styles.rowError;
  return (
    <p id={id} role="status" className={`${styles.rowMessage} ${state.message ? tone : ''}`}>
      {state.message ?? ''}
    </p>
  );
}

interface Props {
  action: FormAction;
  membershipId: string;
  version: number;
  role: string;
  memberName: string;
}

/** Role picker with its own Save button, for one member (admins only). */
export function MembersRoleForm({ action, membershipId, version, role, memberName }: Props) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const selectId = `role-${membershipId}`;
  const messageId = `role-${membershipId}-message`;
  return (
    // Keyed by version: after a save (or someone else's), the form starts again from the stored role.
    <form key={version} action={formAction} className={styles.inlineForm}>
      <input type="hidden" name="membershipId" value={membershipId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={selectId} className="visually-hidden">
        Role for {memberName}
      </label>
      <select
        id={selectId}
        name="role"
        defaultValue={role}
        className={styles.select}
        aria-describedby={state.message ? messageId : undefined}
        aria-invalid={state.message && !state.ok ? true : undefined}
      >
        {ROLE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save<span className="visually-hidden"> role for {memberName}</span>
      </SubmitButton>
      <RowMessage state={state} id={messageId} />
    </form>
  );
}
