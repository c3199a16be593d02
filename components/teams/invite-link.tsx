'use client';

import { useRef, useSyncExternalStore } from 'react';
import { useCopy } from '@/components/ui/use-copy';
import styles from './members.module.css';

const noSubscription = () => () => {};

/**
 * The new invite link, shown once, in a read-only field with a Copy button. The clipboard API
 * needs a secure context (https or localhost); elsewhere the link is selected for Ctrl+C.
 */
export function InviteLink({ path }: { path: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const { status, copy } = useCopy(inputRef);
  // The address the admin is using is the one to share; the server render (no JS) shows the path.
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const url = `${origin}${path}`;

  return (
    <div className={styles.linkBox}>
      <label htmlFor="invite-link" className={styles.linkLabel}>
        Invite link (one-time use)
      </label>
      <input
        ref={inputRef}
        id="invite-link"
        className={styles.linkInput}
        value={url}
        readOnly
        spellCheck={false}
        aria-describedby="invite-link-status"
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" className="button button-primary" onClick={() => copy(url)}>
        Copy link
      </button>
      <p id="invite-link-status" className={styles.copyStatus} role="status">
        {status === 'copied'
          ? 'Copied. Send it to the person you are inviting.'
          : status === 'manual'
            ? 'Copying is not available here: the link is selected, press Ctrl+C (⌘C on a Mac).'
            : 'This link is shown only once. Anyone with it can join until it is used or expires.'}
      </p>
    </div>
  );
}
