'use client';

import { useActionState } from 'react';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import styles from './tokens.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/**
 * Revokes one token after a confirmation. The status line outlives the button: once the row
 * shows the token as revoked, "Token revoked" (or a refusal) is still announced and visible.
 */
export function RevokeTokenButton({ action, id, name, revoked }: { action: Action; id: string; name: string; revoked: boolean }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <div>
      {revoked ? null : (
        <form
          action={formAction}
          onSubmit={(event) => {
            if (!window.confirm(`Revoke the token “${name}”? Anything using it stops working immediately.`)) event.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={id} />
          <button type="submit" className={`button ${styles.smallButton}`} disabled={pending} aria-label={`Revoke token ${name}`}>
            {pending ? 'Revoking…' : 'Revoke'}
          </button>
        </form>
      )}
      <p className={state.ok ? styles.revokeDone : styles.revokeError} aria-live="polite">
        {state.message ?? ''}
      </p>
    </div>
  );
}
