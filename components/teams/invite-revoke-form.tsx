'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE } from '@/lib/forms';
import { RowMessage, type FormAction } from './members-role-form';
import styles from './members.module.css';

/** Revokes one pending invite: its link stops working at once. */
export function InviteRevokeForm({ action, inviteId, label }: { action: FormAction; inviteId: string; label: string }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className={styles.inlineForm}>
      <input type="hidden" name="inviteId" value={inviteId} />
      <SubmitButton variant="danger" pendingText="Revoking…">
        Revoke<span className="visually-hidden"> {label}</span>
      </SubmitButton>
      <RowMessage state={state} />
    </form>
  );
}
