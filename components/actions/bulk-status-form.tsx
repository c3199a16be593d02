'use client';

import { useActionState, useState } from 'react';
import { bulkChangeStatusAction } from '@/app/t/[team]/actions/actions';
import type { ActionFormState } from '@/lib/actions/form-input';
import { ACTION_STATUSES, STATUS_LABEL, type ActionStatusName } from '@/lib/actions/schemas';
import styles from './actions.module.css';

export const BULK_FORM_ID = 'bulk-status';

/**
 * The board's bulk status change: the rows' checkboxes belong to this form (form="bulk-status").
 * All or nothing: when any ticked action changed since the page was loaded, nothing changes and
 * the stale ones are named.
 */
export function BulkStatusForm({ slug }: { slug: string }) {
  const [state, formAction, pending] = useActionState<ActionFormState, FormData>(bulkChangeStatusAction.bind(null, slug), {});
  const [status, setStatus] = useState<ActionStatusName>('done');
  const error = state.fieldErrors?.selected ?? state.fieldErrors?.wontDoReason ?? state.fieldErrors?.status;
  return (
    <form id={BULK_FORM_ID} action={formAction} className={styles.bulk} aria-label="Change the status of the ticked actions">
      <span className={styles.control}>
        <label htmlFor="bulk-status-select">Set ticked actions to</label>
        <select id="bulk-status-select" name="status" value={status} onChange={(e) => setStatus(e.target.value as ActionStatusName)}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </span>
      {status === 'wont_do' ? (
        <span className={styles.control}>
          <label htmlFor="bulk-status-reason">Why won’t they be done?</label>
          <input id="bulk-status-reason" name="wontDoReason" required maxLength={1000} aria-invalid={state.fieldErrors?.wontDoReason ? true : undefined} />
        </span>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Changing…' : 'Change status'}
      </button>
      <div role={state.ok ? 'status' : 'alert'} className={styles.wide}>
        {state.message ? <p className={state.ok ? styles.inlineOk : styles.inlineError}>{error && error !== state.message ? `${state.message} ${error}` : state.message}</p> : null}
        {state.stale?.length ? (
          <>
            <ul className={styles.inlineError}>
              {state.stale.map((s) => (
                <li key={s.id}>
                  “{s.title}” is now at version {s.version}
                </li>
              ))}
            </ul>
            <button type="button" className={`button ${styles.small}`} onClick={() => window.location.reload()}>
              Reload the list
            </button>
          </>
        ) : null}
      </div>
    </form>
  );
}
