'use client';

import { useRef } from 'react';
import { useCopy } from '@/components/ui/use-copy';
import tokens from '@/components/tokens/tokens.module.css';
import styles from './alerts.module.css';

/** A read-only value (one line, or a multi-line snippet) with a Copy button and an announced result. */
export function CopyBox({ id, label, value, multiline = false }: { id: string; label: string; value: string; multiline?: boolean }) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const { status, copy } = useCopy(ref);
  const message = status === 'copied' ? 'Copied to the clipboard.' : status === 'manual' ? 'Could not copy automatically: it is selected, press Ctrl+C (⌘C on a Mac).' : '';
  const shared = { ref, id, readOnly: true, spellCheck: false, autoComplete: 'off', value, onFocus: (e: { currentTarget: { select(): void } }) => e.currentTarget.select() };
  return (
    <div className={styles.copyBox}>
      <label htmlFor={id} className={styles.copyLabel}>
        {label}
      </label>
      <div className={styles.copyRow}>
        {multiline ? <textarea {...shared} className={styles.snippet} rows={value.split('\n').length} /> : <input {...shared} className={tokens.secretInput} />}
        <button type="button" className="button" onClick={() => copy(value)} aria-label={`Copy ${label.toLowerCase()}`}>
          Copy
        </button>
      </div>
      <p className={tokens.copied} aria-live="polite">
        {message}
      </p>
    </div>
  );
}
