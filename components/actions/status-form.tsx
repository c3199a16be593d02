'use client';

import { useActionState, useId, useState } from 'react';
import { changeActionStatusAction } from '@/app/t/[team]/actions/actions';
import type { ActionFormState } from '@/lib/actions/form-input';
import { ACTION_STATUSES, STATUS_LABEL, type ActionStatusName, type ActionView } from '@/lib/actions/schemas';
import { ConflictMessage } from './conflict-message';
import styles from './actions.module.css';

/**
 * The inline status change of one action (editors, and the action's owner). Choosing "Won't do"
 * asks for the reason right there; the version loaded is sent, so a stale change is refused
 * with a visible message instead of overwriting someone else's.
 */
export function StatusForm({ slug, action }: { slug: string; action: Pick<ActionView, 'id' | 'title' | 'status' | 'version' | 'wontDoReason'> }) {
  const [state, formAction, pending] = useActionState<ActionFormState, FormData>(changeActionStatusAction.bind(null, slug, action.id), {});
  const [status, setStatus] = useState<ActionStatusName>(action.status);
  const id = useId();
  const reasonError = state.fieldErrors?.wontDoReason;
  return (
    <form action={formAction} className={styles.statusForm} aria-label={`Status of ${action.title}`}>
      <input type="hidden" name="version" value={action.version} />
      <span className={styles.control}>
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} name="status" value={status} onChange={(e) => setStatus(e.target.value as ActionStatusName)}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </span>
      {status === 'wont_do' ? (
        <span className={styles.control}>
          <label htmlFor={`${id}-reason`}>Why won’t it be done?</label>
          <input
            id={`${id}-reason`}
            name="wontDoReason"
            required
            maxLength={1000}
            defaultValue={action.wontDoReason ?? ''}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${id}-error` : undefined}
          />
        </span>
      ) : null}
      <button type="submit" className={`button ${styles.small}`} disabled={pending || (status === action.status && status !== 'wont_do')}>
        {pending ? 'Saving…' : 'Update status'}
      </button>
      {state.conflict !== undefined ? (
        <ConflictMessage conflict={state.conflict} />
      ) : state.message ? (
        <p id={`${id}-error`} role={state.ok ? 'status' : 'alert'} className={state.ok ? styles.inlineOk : styles.inlineError}>
          {reasonError ?? state.message}
        </p>
      ) : null}
    </form>
  );
}

