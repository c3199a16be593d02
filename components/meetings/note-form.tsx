'use client';

import { useId, useRef, useState, useTransition, type KeyboardEvent } from 'react';
import { addNoteAction } from '@/app/t/[team]/review/meetings/actions';
import styles from './meetings.module.css';

type SaveState = { kind: 'idle' } | { kind: 'saving'; body: string } | { kind: 'saved'; message: string } | { kind: 'failed'; message: string };

/**
 * Adds a note or a decision (its own entry: two people writing at once both keep theirs). Enter or
 * Ctrl+Enter saves, Shift+Enter is a new line. While saving the entry shows as pending; on failure
 * the text stays in the box with the reason, so nothing typed is lost.
 */
export function NoteForm({ slug, meetingId, itemId, label }: { slug: string; meetingId: string; itemId: string | null; label: string }) {
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<'note' | 'decision'>('note');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  function submit() {
    const text = body.trim();
    if (!text || save.kind === 'saving') return;
    const form = new FormData();
    form.set('itemId', itemId ?? '');
    form.set('kind', kind);
    form.set('body', text);
    setSave({ kind: 'saving', body: text });
    startTransition(async () => {
      try {
        const result = await addNoteAction(slug, meetingId, {}, form);
        if (result.ok) {
          // Only clear what was saved: text typed meanwhile stays.
          setBody((current) => (current.trim() === text ? '' : current));
          setSave({ kind: 'saved', message: result.message ?? 'Saved.' });
        } else {
          setSave({ kind: 'failed', message: result.fieldErrors?.body ?? result.message ?? 'Not saved.' });
        }
      } catch {
        setSave({ kind: 'failed', message: 'Not saved: the server could not be reached. Your text is still here; try again.' });
      }
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form
      ref={formRef}
      className={styles.noteForm}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {save.kind === 'saving' ? (
        <p className={`${styles.note} ${styles.pending}`} aria-hidden="true">
          {save.body}
        </p>
      ) : null}
      <label htmlFor={`${id}-body`} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={2}
        maxLength={5000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Type and press Enter to save (Shift+Enter: new line)"
        aria-invalid={save.kind === 'failed' ? true : undefined}
        aria-describedby={`${id}-status`}
        className={styles.noteInput}
      />
      <div className={styles.noteControls}>
        <label htmlFor={`${id}-kind`} className="visually-hidden">
          Kind of entry
        </label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as 'note' | 'decision')}>
          <option value="note">Note</option>
          <option value="decision">Decision</option>
        </select>
        <button type="submit" className="button" disabled={save.kind === 'saving' || !body.trim()}>
          {save.kind === 'saving' ? 'Saving…' : kind === 'decision' ? 'Add decision' : 'Add note'}
        </button>
        <span id={`${id}-status`} role={save.kind === 'failed' ? 'alert' : 'status'} className={save.kind === 'failed' ? styles.failed : styles.saved}>
          {save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' || save.kind === 'failed' ? save.message : ''}
        </span>
      </div>
    </form>
  );
}
