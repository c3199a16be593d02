'use client';

import type { SaveStatus } from './use-section-autosave';
import styles from './postmortem.module.css';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

function label(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'All changes saved';
    case 'pending':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${timeOf(status.at)}`;
    case 'retrying':
      return `Save failed — retrying in ${Math.round(status.inMs / 1000)} s`;
    case 'conflict':
      return 'Conflict: someone else saved this section';
    case 'failed':
      return `Save failed: ${status.message} Your text is kept in this browser.`;
  }
}

/** The per-section save state, announced politely to screen readers. */
export function SaveStatusText({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const tone = status.kind === 'failed' || status.kind === 'conflict' ? styles.statusBad : status.kind === 'retrying' ? styles.statusWarn : styles.statusOk;
  return (
    <span className={styles.statusRow} data-print="hide">
      <span role="status" aria-live="polite" className={`${styles.status} ${tone}`} data-save-state={status.kind}>
        {label(status)}
      </span>
      {status.kind === 'retrying' || status.kind === 'failed' ? (
        <button type="button" className={styles.linkButton} onClick={onRetry}>
          Retry now
        </button>
      ) : null}
    </span>
  );
}
