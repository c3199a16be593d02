'use client';

import { useActionState } from 'react';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import styles from './postmortem.module.css';

type RestoreAction = (prev: FormState, form: FormData) => Promise<FormState>;

/** Restores one revision as a new version of the section. */
export function RestoreButton({ action, sectionId, revisionVersion, currentVersion }: { action: RestoreAction; sectionId: string; revisionVersion: number; currentVersion: number }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className={styles.restoreForm}>
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="revisionVersion" value={revisionVersion} />
      <input type="hidden" name="version" value={currentVersion} />
      <button type="submit" className="button" disabled={pending} aria-label={`Restore version ${revisionVersion}`}>
        {pending ? 'Restoring…' : 'Restore'}
      </button>
      <span role="status" aria-live="polite" className={state.ok ? styles.statusOk : styles.statusBad}>
        {state.message ?? ''}
      </span>
    </form>
  );
}
