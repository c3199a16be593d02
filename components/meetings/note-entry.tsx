'use client';

import { useActionState, useId, useState } from 'react';
import { deleteNoteAction, editNoteAction, type MeetingFormState } from '@/app/t/[team]/review/meetings/actions';
import type { NoteView } from '@/lib/meetings/notes';
import styles from './meetings.module.css';

/** One note or decision; its author may edit or delete it while the meeting runs (version-checked). */
export function NoteEntry({ slug, note, mine, editable, time }: { slug: string; note: NoteView; mine: boolean; editable: boolean; time: string }) {
  const [editing, setEditing] = useState(false);
  const [editState, editAction, editPending] = useActionState<MeetingFormState, FormData>(async (prev, form) => {
    const result = await editNoteAction(slug, note.id, prev, form);
    if (result.ok) setEditing(false);
    return result;
  }, {});
  const [deleteState, deleteAction, deletePending] = useActionState<MeetingFormState, FormData>(deleteNoteAction.bind(null, slug, note.id), {});
  const id = useId();
  const failed = [editState, deleteState].find((s) => s.message && !s.ok);
  return (
    <li className={note.kind === 'decision' ? `${styles.note} ${styles.decision}` : styles.note}>
      <span className={styles.noteKind}>{note.kind === 'decision' ? 'Decision' : 'Note'}</span>
      {editing ? (
        <form action={editAction} className={styles.noteEdit} aria-label="Edit entry">
          <input type="hidden" name="version" value={note.version} />
          <label htmlFor={`${id}-edit`} className="visually-hidden">
            Edit entry
          </label>
          <textarea id={`${id}-edit`} name="body" rows={2} maxLength={5000} defaultValue={editState.values?.body ?? note.body} className={styles.noteInput} />
          <button type="submit" className="button" disabled={editPending}>
            {editPending ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <span className={styles.noteBody}>{note.body}</span>
      )}
      <span className={styles.noteMeta}>
        {note.authorName ?? 'Former member'} · {time}
        {note.version > 1 ? ' · edited' : ''}
      </span>
      {mine && editable && !editing ? (
        <span className={styles.noteButtons} data-print="hide">
          <button type="button" className={`button ${styles.small}`} onClick={() => setEditing(true)} aria-label={`Edit ${note.kind}: ${note.body.slice(0, 40)}`}>
            Edit
          </button>
          <form action={deleteAction}>
            <input type="hidden" name="version" value={note.version} />
            <button type="submit" className={`button ${styles.small}`} disabled={deletePending} aria-label={`Delete ${note.kind}: ${note.body.slice(0, 40)}`}>
              {deletePending ? 'Deleting…' : 'Delete'}
            </button>
          </form>
        </span>
      ) : null}
      {failed ? (
        <p role="alert" className={styles.failed}>
          {failed.message}
          {failed.current ? ` Now it reads: “${failed.current.body}” (version ${failed.current.version}).` : ''}
        </p>
      ) : null}
    </li>
  );
}
