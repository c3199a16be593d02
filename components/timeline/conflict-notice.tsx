'use client';

import type { TimelineEventView } from '@/lib/timeline/schemas';
import styles from './timeline.module.css';
import { clockTime } from './time';

interface Props {
  theirs: TimelineEventView | null;
  /** What this person tried, in words ("Your text: ...", "Delete the entry"). */
  mine: string;
  zone: string;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** A stale save: both versions side by side, and the choice of which one stays. Nothing is dropped silently. */
export function ConflictNotice({ theirs, mine, zone, busy, onKeepMine, onTakeTheirs }: Props) {
  return (
    <div className={styles.conflict} role="alert">
      <strong>{theirs ? `Someone else changed this entry (now version ${theirs.version}).` : 'Someone else deleted this entry.'}</strong>
      <dl>
        <dt>Theirs</dt>
        <dd>{theirs ? `${clockTime(new Date(theirs.occurredAt), zone)} · ${theirs.kind}${theirs.keyMoment ? ' · key moment' : ''} · ${theirs.body}` : 'Deleted'}</dd>
        <dt>Yours</dt>
        <dd>{mine}</dd>
      </dl>
      <div className={styles.actions}>
        <button type="button" className={`button ${styles.small}`} disabled={busy} onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className={`button ${styles.small}`} disabled={busy} onClick={onTakeTheirs}>
          Take theirs
        </button>
      </div>
    </div>
  );
}
