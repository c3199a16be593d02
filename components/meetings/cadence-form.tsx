'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import styles from '@/components/postmortem/review.module.css';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { WEEKDAYS } from '@/lib/meetings/cadence';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

const OPTIONS = WEEKDAYS.map((label, i) => ({ value: String(i + 1), label }));

/** Admins set the weekly review's weekday and local time, saved at the team version it was read at. */
export function CadenceForm({ weekday, time, zone, version, action }: { weekday: number; time: string; zone: string; version: number; action: Action }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className={styles.form} aria-labelledby="cadence-title">
      <input type="hidden" name="version" value={version} />
      <SelectField label="Weekday" name="weekday" options={OPTIONS} defaultValue={String(weekday)} state={state} />
      <Field
        label={`Time (24-hour, ${zone})`}
        name="time"
        defaultValue={time}
        state={state}
        inputMode="numeric"
        pattern="[0-2][0-9]:[0-5][0-9]"
        placeholder="10:00"
        hint="The team’s time zone; the time stays the same local time across daylight-saving changes."
        required
      />
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText="Saving the schedule…">Save the schedule</SubmitButton>
      </div>
    </form>
  );
}
