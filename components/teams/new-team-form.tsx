'use client';

import { useActionState, useSyncExternalStore } from 'react';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-invalid';
import { FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import { TeamNameFields } from '@/components/teams/team-name-fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

const subscribeNever = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noTimeZoneOnServer = () => null;

/**
 * New team: name, address (suggested from the name until the user edits it) and time zone
 * (the browser's own, once known). Inputs stay uncontrolled so a failed submit keeps what was
 * typed (the action echoes it back) and the form reset cannot fight React state.
 */
export function NewTeamForm({ action, timeZones }: { action: Action; timeZones: readonly string[] }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const formRef = useFocusFirstInvalid(state);
  // The server cannot know the browser's zone: it renders UTC, the browser then swaps in its own.
  const detectedZone = useSyncExternalStore(subscribeNever, browserTimeZone, noTimeZoneOnServer);
  const defaultZone = detectedZone ?? 'UTC';
  const zones = timeZones.includes(defaultZone) ? timeZones : [defaultZone, ...timeZones];

  return (
    <form ref={formRef} action={formAction} noValidate>
      <FormMessage state={state} />
      <TeamNameFields state={state} />
      <SelectField
        key={defaultZone}
        label="Time zone"
        name="timeZone"
        defaultValue={defaultZone}
        options={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
        state={state}
      />
      <SubmitButton pendingText="Creating the team…">Create team</SubmitButton>
    </form>
  );
}
