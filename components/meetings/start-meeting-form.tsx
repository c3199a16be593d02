'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { startMeetingAction, type MeetingFormState } from '@/app/t/[team]/review/meetings/actions';
import { FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import formStyles from '@/components/forms/forms.module.css';
import styles from './meetings.module.css';

export interface StartMeetingFormProps {
  slug: string;
  members: { id: string; name: string; email: string }[];
  /** The signed-in user: ticked and facilitating by default. */
  me: string;
}

/** Who attends and who facilitates; Start snapshots the agenda and opens the running meeting. */
export function StartMeetingForm({ slug, members, me }: StartMeetingFormProps) {
  const [state, formAction] = useActionState<MeetingFormState, FormData>(startMeetingAction.bind(null, slug), {});
  // Controlled, so a refused start (React resets the form after an action) keeps the ticks.
  const [ticked, setTicked] = useState<Set<string>>(() => new Set([me]));
  const toggle = (id: string, on: boolean) => setTicked((prev) => { const next = new Set(prev); if (on) next.add(id); else next.delete(id); return next; });
  const attendeeError = state.fieldErrors?.attendeeIds ?? state.fieldErrors?.['attendeeIds.0'];
  return (
    <form action={formAction} aria-label="Start the review meeting" noValidate className={styles.panel}>
      <fieldset className={styles.attendees} aria-describedby={attendeeError ? 'attendees-error' : undefined}>
        <legend className={formStyles.label}>Attendees</legend>
        <ul className={styles.checkList}>
          {members.map((m) => (
            <li key={m.id}>
              <label>
                <input type="checkbox" name="attendeeIds" value={m.id} checked={ticked.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} /> {m.name} <span className={styles.muted}>({m.email})</span>
              </label>
            </li>
          ))}
        </ul>
        <p id="attendees-error" className={formStyles.error} aria-live="polite">
          {attendeeError ?? ''}
        </p>
      </fieldset>
      <SelectField label="Facilitator" name="facilitatorId" id="facilitatorId" state={state} options={members.map((m) => ({ value: m.id, label: m.name }))} defaultValue={me} />
      <SubmitButton pendingText="Starting…">Start meeting</SubmitButton>
      <FormMessage state={state} />
      {state.runningId ? (
        <p>
          <Link href={`/t/${encodeURIComponent(slug)}/review/meetings/${state.runningId}`}>Join the meeting in progress</Link>
        </p>
      ) : null}
    </form>
  );
}
