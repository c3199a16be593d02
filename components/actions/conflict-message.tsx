'use client';

import { useRouter } from 'next/navigation';
import type { ActionFormState } from '@/lib/actions/form-input';
import { STATUS_LABEL } from '@/lib/actions/schemas';
import styles from './actions.module.css';

/** A stale write, said plainly: who won (their version and status), and a way to load it. */
export function ConflictMessage({ conflict }: { conflict: ActionFormState['conflict'] }) {
  const router = useRouter();
  return (
    <div role="alert" className={`${styles.conflict} ${styles.wide}`}>
      {conflict ? (
        <p>
          Someone else changed this action since you loaded it: it is now version {conflict.version}, “{conflict.title}”, {STATUS_LABEL[conflict.status].toLowerCase()}. Nothing was saved. Load their version, then make your change again.
        </p>
      ) : (
        <p>This action was deleted by someone else. Nothing was saved.</p>
      )}
      <button type="button" className={`button ${styles.small}`} onClick={() => router.refresh()}>
        Load the current version
      </button>
    </div>
  );
}
