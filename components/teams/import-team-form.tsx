'use client';

import { useActionState } from 'react';
import { useFocusFirstInvalid } from '@/components/forms/use-focus-invalid';
import { Field, FormMessage, SubmitButton } from '@/components/forms/fields';
import { TeamNameFields } from '@/components/teams/team-name-fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** The export file, the new team's name and its address (suggested from the name until edited). */
export function ImportTeamForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const formRef = useFocusFirstInvalid(state);

  return (
    <form ref={formRef} action={formAction} noValidate>
      <FormMessage state={state} />
      <Field label="Team export (JSON)" name="file" type="file" accept=".json,application/json" required state={{ ...state, values: {} }} hint="A file from “Export JSON” in a team’s Data settings." />
      <TeamNameFields state={state} nameLabel="New team name" />
      <SubmitButton pendingText="Importing…">Import team</SubmitButton>
    </form>
  );
}
