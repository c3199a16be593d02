'use client';

import { useActionState, useEffect, useRef, useSyncExternalStore, type ChangeEvent } from 'react';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import { suggestSlug } from '@/components/teams/slug';
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
  const formRef = useRef<HTMLFormElement>(null);
  const slugEdited = useRef(false);
  // The server cannot know the browser's zone: it renders UTC, the browser then swaps in its own.
  const detectedZone = useSyncExternalStore(subscribeNever, browserTimeZone, noTimeZoneOnServer);
  const defaultZone = detectedZone ?? 'UTC';
  const zones = timeZones.includes(defaultZone) ? timeZones : [defaultZone, ...timeZones];

  useEffect(() => {
    if (state === EMPTY_FORM_STATE) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  function onNameChange(event: ChangeEvent<HTMLInputElement>) {
    const slug = event.currentTarget.form?.elements.namedItem('slug');
    if (!slugEdited.current && slug instanceof HTMLInputElement) slug.value = suggestSlug(event.currentTarget.value);
  }

  function onSlugChange(event: ChangeEvent<HTMLInputElement>) {
    // Typing in the address takes it over; clearing it hands it back to the suggestion.
    slugEdited.current = event.currentTarget.value !== '';
  }

  return (
    <form ref={formRef} action={formAction} noValidate>
      <FormMessage state={state} />
      <Field label="Team name" name="name" required maxLength={80} autoComplete="organization" onChange={onNameChange} state={state} />
      <Field
        label="Address"
        name="slug"
        required
        maxLength={40}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        onChange={onSlugChange}
        hint="Lowercase letters, digits and dashes. The team’s pages live at /t/<address>."
        state={state}
      />
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
