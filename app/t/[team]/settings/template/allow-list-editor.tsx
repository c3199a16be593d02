'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/fields';
import { TextAreaField } from '@/components/postmortem/review-forms';
import styles from '@/components/postmortem/review.module.css';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** Admins edit the team's blameless allow-list: one word or phrase a line, saved at the team version it was read at. */
export function AllowListEditor({ phrases, version, action }: { phrases: readonly string[]; version: number; action: Action }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className={styles.form} aria-labelledby="allow-list-title">
      <input type="hidden" name="version" value={version} />
      <TextAreaField
        label="Allowed words and phrases (one a line)"
        name="phrases"
        rows={Math.min(14, Math.max(4, phrases.length + 2))}
        state={state}
        defaultValue={phrases.join('\n')}
        hint="A sentence containing one of these (whole words, any case) is never flagged: product or alert names such as “Careless Whisper”, or a quoted policy. The editor, the open-flag count and publishing all use this list."
      />
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText="Saving the allow-list…">Save the allow-list</SubmitButton>
      </div>
    </form>
  );
}
