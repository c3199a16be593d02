'use client';

import { useId, useState } from 'react';
import type { SectionConflict } from '@/lib/postmortem/sections';
import styles from './postmortem.module.css';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function mergeDraft(mine: string, theirs: SectionConflict): string {
  return `${mine}\n\n----- their version (${theirs.by ?? 'someone'}, version ${theirs.version}) -----\n\n${theirs.body}`;
}

/**
 * Shown when a save hit a newer version: their text and yours side by side; keep yours, take
 * theirs, or merge in a textarea prefilled with both. Nothing is discarded until a choice is made.
 */
export function ConflictPanel({ title, mine, theirs, onResolve }: { title: string; mine: string; theirs: SectionConflict; onResolve: (body: string) => void }) {
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState('');
  const id = useId();
  return (
    <section className={styles.conflict} aria-labelledby={`${id}-h`} role="alert" data-print="hide">
      <h4 id={`${id}-h`} className={styles.conflictTitle}>
        {theirs.by ?? 'Someone'} saved “{title}” at {when(theirs.at)} while you were editing
      </h4>
      <p className={styles.hint}>Your text is kept. Choose which version to keep, or merge them.</p>
      <div className={styles.conflictColumns}>
        <div>
          <h5 id={`${id}-theirs`}>Their version (version {theirs.version})</h5>
          <pre className={styles.conflictText} aria-labelledby={`${id}-theirs`} tabIndex={0}>{theirs.body || '(empty)'}</pre>
        </div>
        <div>
          <h5 id={`${id}-mine`}>Your version</h5>
          <pre className={styles.conflictText} aria-labelledby={`${id}-mine`} tabIndex={0}>{mine || '(empty)'}</pre>
        </div>
      </div>
      {merging ? (
        <div className={styles.mergeBox}>
          <label htmlFor={`${id}-merge`}>Merged text</label>
          <textarea id={`${id}-merge`} className={styles.textarea} rows={10} value={merged} onChange={(e) => setMerged(e.target.value)} />
        </div>
      ) : null}
      <div className={styles.conflictActions}>
        {merging ? (
          <>
            <button type="button" className="button button-primary" onClick={() => onResolve(merged)}>
              Save merged text
            </button>
            <button type="button" className="button" onClick={() => setMerging(false)}>
              Cancel merge
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button-primary" onClick={() => onResolve(mine)}>
              Keep mine
            </button>
            <button type="button" className="button" onClick={() => onResolve(theirs.body)}>
              Take theirs
            </button>
            <button type="button" className="button" onClick={() => { setMerged(mergeDraft(mine, theirs)); setMerging(true); }}>
              Merge…
            </button>
          </>
        )}
      </div>
    </section>
  );
}
