'use client';

import { useRef, useState } from 'react';
import { useCopy } from '@/components/ui/use-copy';
import styles from './tokens.module.css';

/**
 * The one and only display of a new token's secret: read-only, selected on focus, with a Copy
 * button and a warning that it will not be shown again.
 */
export function NewToken({ token }: { token: string }) {
  const input = useRef<HTMLInputElement>(null);
  const { status, copy } = useCopy(input);
  const [hidden, setHidden] = useState(false);
  const copyStatus =
    status === 'copied' ? 'Copied to the clipboard.' : status === 'manual' ? 'Could not copy automatically: the token is selected, press Ctrl+C (⌘C on a Mac).' : '';

  function hide() {
    setHidden(true);
    // The button disappears with the panel: keep keyboard focus in the form rather than losing it.
    document.getElementById('field-name')?.focus();
  }

  if (hidden) return null;
  return (
    <div className={styles.secret}>
      <label htmlFor="new-api-token" className={styles.secretLabel}>
        Your new API token
      </label>
      <div className={styles.secretRow}>
        <input
          ref={input}
          id="new-api-token"
          className={styles.secretInput}
          value={token}
          readOnly
          spellCheck={false}
          autoComplete="off"
          aria-describedby="new-api-token-warning"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => copy(token)}>
          Copy
        </button>
      </div>
      <p id="new-api-token-warning" className={styles.secretWarning}>
        <strong>Copy it now: it will not be shown again.</strong> Hindsight keeps only a hash of it. If it is lost, revoke it
        and create a new one.
      </p>
      <p className={styles.secretUsage}>
        Use it as <code>Authorization: Bearer &lt;token&gt;</code>, for example <code>GET /api/v1/team</code>.
      </p>
      <p className={styles.copied} aria-live="polite">
        {copyStatus}
      </p>
      <div className={styles.secretActions}>
        <button type="button" className="button" onClick={hide}>
          I have stored it: hide the token
        </button>
      </div>
    </div>
  );
}
