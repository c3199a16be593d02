'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE } from '@/lib/forms';
import type { FormAction } from './members-role-form';
import styles from './members.module.css';

/** The Accept button of an invite; on success the action opens the team. */
export function InviteAcceptForm({ action, teamName }: { action: FormAction; teamName: string }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <div className={styles.actions}>
        <SubmitButton pendingText="Joining…">Accept and join {teamName}</SubmitButton>
      </div>
    </form>
  );
}
