'use client';

import { useRef, type ChangeEvent } from 'react';
import { Field } from '@/components/forms/fields';
import { suggestSlug } from '@/components/teams/slug';
import type { FormState } from '@/lib/forms';

/**
 * A new team's name and address: the address follows the name (suggestSlug) until the user types
 * in it; clearing it hands it back to the suggestion. Inputs stay uncontrolled so a failed submit
 * keeps what was typed (the action echoes it back).
 */
export function TeamNameFields({ state, nameLabel = 'Team name' }: { state: FormState; nameLabel?: string }) {
  const slugEdited = useRef(false);

  function onNameChange(event: ChangeEvent<HTMLInputElement>) {
    const slug = event.currentTarget.form?.elements.namedItem('slug');
    if (!slugEdited.current && slug instanceof HTMLInputElement) slug.value = suggestSlug(event.currentTarget.value);
  }

  return (
    <>
      <Field label={nameLabel} name="name" required maxLength={80} autoComplete="organization" onChange={onNameChange} state={state} />
      <Field
        label="Address"
        name="slug"
        required
        maxLength={40}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        onChange={(event) => (slugEdited.current = event.currentTarget.value !== '')}
        hint="Lowercase letters, digits and dashes. The team’s pages live at /t/<address>."
        state={state}
      />
    </>
  );
}
