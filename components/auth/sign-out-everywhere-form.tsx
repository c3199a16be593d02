'use client';

import { signOut } from 'next-auth/react';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/**
 * "Sign out everywhere": the server action invalidates every session of the user (they end on
 * their next request); then this browser clears its own cookie and lands on the sign-in page.
 */
export function SignOutEverywhereForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(async (prev: FormState, form: FormData): Promise<FormState> => {
    const outcome = await action(prev, form);
    if (outcome.ok) await signOut({ callbackUrl: '/sign-in?signedOut=everywhere' });
    return outcome;
  }, EMPTY_FORM_STATE);

  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingText="Signing out everywhere…">
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}
