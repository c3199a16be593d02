'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE } from '@/lib/forms';
import { InviteLink } from './invite-link';
import type { FormAction } from './members-role-form';
import { ROLE_OPTIONS } from './members-roles';
import styles from './members.module.css';

/** Creates a one-time invite link with a role and an expiry, and shows the link once. */
export function InviteCreateForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <div className={styles.panel}>
      {/* Remounted when the submitted values change: React resets a form after its action, and a
          select only takes its defaultValue on mount, so this keeps the role that was just used. */}
      <form key={`${state.values?.role ?? ''}:${state.values?.expiresInDays ?? ''}`} action={formAction} noValidate>
        <FormMessage state={state} />
        <div className={styles.formRow}>
          <SelectField label="Role" name="role" state={state} options={ROLE_OPTIONS} defaultValue="viewer" />
          <Field
            label="Expires after (days)"
            name="expiresInDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={30}
            step={1}
            required
            state={state}
            defaultValue="7"
            hint="1 to 30 days"
          />
        </div>
        <SubmitButton pendingText="Creating…">Create invite link</SubmitButton>
      </form>
      {state.ok && state.secret ? <InviteLink key={state.secret} path={state.secret} /> : null}
    </div>
  );
}
