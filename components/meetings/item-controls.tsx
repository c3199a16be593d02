'use client';

import { useActionState, useState } from 'react';
import { endMeetingAction, markReviewedAction, setItemStatusAction, type MeetingFormState } from '@/app/t/[team]/review/meetings/actions';
import { updateActionAction } from '@/app/t/[team]/incidents/[number]/actions/actions';
import type { ActionFormState } from '@/lib/actions/form-input';
import styles from './meetings.module.css';

function Message({ state }: { state: MeetingFormState | ActionFormState }) {
  if (!state.message) return null;
  return (
    <span role={state.ok ? 'status' : 'alert'} className={state.ok ? styles.saved : styles.failed}>
      {state.fieldErrors ? Object.values(state.fieldErrors)[0] : state.message}
    </span>
  );
}

/** Mark an agenda item discussed, or back to pending (version-checked). */
export function ItemStatusButton({ slug, item }: { slug: string; item: { id: string; title: string; status: string; version: number } }) {
  const [state, action, pending] = useActionState<MeetingFormState, FormData>(setItemStatusAction.bind(null, slug, item.id), {});
  const next = item.status === 'discussed' ? 'pending' : 'discussed';
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="version" value={item.version} />
      <input type="hidden" name="status" value={next} />
      <button type="submit" className={next === 'discussed' ? 'button button-primary' : 'button'} disabled={pending} aria-label={`${next === 'discussed' ? 'Mark discussed' : 'Back to pending'}: ${item.title}`}>
        {pending ? 'Saving…' : next === 'discussed' ? 'Mark discussed' : 'Back to pending'}
      </button>
      <Message state={state} />
    </form>
  );
}

/** Records that this meeting reviewed the incident (idempotent). */
export function MarkReviewedButton({ slug, meetingId, incident }: { slug: string; meetingId: string; incident: { id: string; number: number } }) {
  const [state, action, pending] = useActionState<MeetingFormState, FormData>(markReviewedAction.bind(null, slug, meetingId, incident.id), {});
  return (
    <form action={action} className={styles.inline}>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : `Mark INC-${incident.number} reviewed`}
      </button>
      <Message state={state} />
    </form>
  );
}

/** Changes an action's due date in place (the action's version is checked). */
export function DueDateForm({ slug, action }: { slug: string; action: { id: string; title: string; dueDate: string | null; version: number } }) {
  const [state, formAction, pending] = useActionState<ActionFormState, FormData>(updateActionAction.bind(null, slug, action.id), {});
  return (
    <form action={formAction} className={styles.inline} aria-label={`Due date of ${action.title}`}>
      <input type="hidden" name="version" value={action.version} />
      <label htmlFor={`due-${action.id}`}>Due</label>
      <input id={`due-${action.id}`} type="date" name="dueDate" defaultValue={state.values?.dueDate ?? action.dueDate ?? ''} key={`${action.version}`} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Change due date'}
      </button>
      {state.conflict !== undefined ? (
        <span role="alert" className={styles.failed}>
          Someone else changed this action{state.conflict ? ` (now version ${state.conflict.version})` : ''}; reload to see it.
        </span>
      ) : (
        <Message state={state} />
      )}
    </form>
  );
}

/** Ends the meeting after a confirmation step; items not reached are carried over. */
export function EndMeetingForm({ slug, meetingId, version, pendingItems }: { slug: string; meetingId: string; version: number; pendingItems: number }) {
  const [state, action, pending] = useActionState<MeetingFormState, FormData>(endMeetingAction.bind(null, slug, meetingId), {});
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <div className={styles.inline}>
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          End meeting…
        </button>
        <Message state={state} />
      </div>
    );
  return (
    <form action={action} className={styles.confirm} aria-label="Confirm ending the meeting">
      <input type="hidden" name="version" value={version} />
      <p>
        End the meeting now?{' '}
        {pendingItems === 0 ? 'Every item was reached.' : `${pendingItems} ${pendingItems === 1 ? 'item was' : 'items were'} not reached and will be carried over to the next meeting.`}
      </p>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? 'Ending…' : 'Yes, end the meeting'}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Keep going
      </button>
      <Message state={state} />
    </form>
  );
}
