'use client';

import { useRef, useState, type FormEvent } from 'react';
import type { EventInput } from '@/lib/timeline/schemas';
import { placeQuickTime } from './time';
import styles from './timeline.module.css';
import { KindOptions } from './kind-options';

export type NewEntry = Omit<EventInput, 'occurredAt'> & { occurredAt: string };

interface Props {
  zone: string;
  /** The latest entry's time, or the incident start: typed times land nearest to it. */
  anchor: Date;
  /** Adds the entry (optimistically); resolves with an error message, or null when saved. */
  onAdd: (entry: NewEntry) => Promise<string | null>;
}

/**
 * The keyboard row at the bottom of the timeline: time, kind, text, Enter. After each entry the
 * time field is emptied and focused for the next one, and the kind stays as chosen.
 */
export function QuickEntry({ zone, anchor, onAdd }: Props) {
  const [time, setTime] = useState('');
  const [kind, setKind] = useState<NewEntry['kind']>('note');
  const [body, setBody] = useState('');
  const [error, setError] = useState<{ field: 'time' | 'body'; message: string } | null>(null);
  const timeRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const placed = placeQuickTime(time, anchor, zone);
    if ('error' in placed) return setError({ field: 'time', message: placed.error });
    if (body.trim() === '') return setError({ field: 'body', message: 'Say what happened' });
    setError(null);
    const entry: NewEntry = { occurredAt: placed.at.toISOString(), kind, body: body.trim() };
    setTime('');
    setBody('');
    timeRef.current?.focus();
    const failed = await onAdd(entry);
    if (failed) {
      // Nothing typed is lost: the entry comes back into the row with the reason.
      setTime(time);
      setBody(body);
      setError({ field: 'body', message: failed });
    }
  }

  const errorId = 'quick-entry-error';
  return (
    <form className={styles.entryRow} onSubmit={submit} aria-label="Add a timeline entry">
      <label className={styles.control}>
        Time ({zone})
        <input
          ref={timeRef}
          className={styles.timeInput}
          name="time"
          value={time}
          onChange={(e) => setTime(e.target.value)}
          placeholder="HH:MM"
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={error?.field === 'time' ? true : undefined}
          aria-describedby={error?.field === 'time' ? errorId : undefined}
        />
      </label>
      <label className={styles.control}>
        Kind
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as NewEntry['kind'])}>
          <KindOptions />
        </select>
      </label>
      <label className={`${styles.control} ${styles.grow}`}>
        What happened
        <input
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          autoComplete="off"
          aria-invalid={error?.field === 'body' ? true : undefined}
          aria-describedby={error?.field === 'body' ? errorId : undefined}
        />
      </label>
      <button type="submit" className="button button-primary">
        Add
      </button>
      <p id={errorId} className={`${styles.error} ${styles.full}`} aria-live="polite">
        {error?.message ?? ''}
      </p>
    </form>
  );
}
