'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

const TEAM_ZONE_LABEL = 'Use the team’s time zone';

/** The user's own time zone, or the team's (the empty value). */
export function TimeZoneForm({ action, timeZone, timeZones }: { action: Action; timeZone: string | null; timeZones: readonly string[] }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const options = [{ value: '', label: TEAM_ZONE_LABEL }, ...timeZones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))];
  return (
    <form action={formAction} aria-describedby="time-zone-hint">
      <p id="time-zone-hint">Times are entered and shown in this zone, with UTC on hover. By default each team’s own zone applies.</p>
      <SelectField
        label="Time zone"
        name="timeZone"
        state={state}
        options={options}
        defaultValue={timeZone ?? ''}
      />
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">Save time zone</SubmitButton>
    </form>
  );
}
