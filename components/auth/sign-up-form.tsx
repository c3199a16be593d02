'use client';

import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE, formValues, type FormState } from '@/lib/forms';
import { describeSignInResult } from '@/components/auth/auth-errors';
import styles from '@/components/auth/auth.module.css';

type SignUpAction = (prev: FormState, form: FormData) => Promise<FormState>;

/**
 * Sign-up: the server action creates the account (field errors come back next to their fields),
 * then this form signs in with the same email and password and moves on.
 */
export function SignUpForm({ action, next, passwordHint }: { action: SignUpAction; next: string; passwordHint: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState(false);

  const [state, formAction] = useActionState(async (prev: FormState, form: FormData): Promise<FormState> => {
    const outcome = await action(prev, form);
    if (!outcome.ok) return outcome;
    setCreated(true);
    const email = form.get('email');
    const password = form.get('password');
    const result = await signIn('credentials', { email, password, redirect: false, callbackUrl: next }).catch(() => undefined);
    if (!result?.ok || result.error) {
      return { ok: false, message: `Your account was created, but signing in failed: ${describeSignInResult(result?.error)}`, values: formValues(form) };
    }
    router.push(next);
    router.refresh();
    return { ok: true, message: 'Account created. Signing you in…', values: formValues(form) };
  }, EMPTY_FORM_STATE);

  // After a refusal, move focus to the first field that needs attention.
  useEffect(() => {
    if (state === EMPTY_FORM_STATE || state.ok) return;
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  // The account exists but the automatic sign-in was refused: signing up again would only fail.
  if (created && state.ok === false) {
    return (
      <>
        <FormMessage state={state} />
        <Link className="button button-primary" href={`/sign-in?${new URLSearchParams({ callbackUrl: next })}`}>
          Go to sign in
        </Link>
      </>
    );
  }

  return (
    <form ref={formRef} action={formAction} noValidate>
      <FormMessage state={state} />
      <Field label="Name" name="name" autoComplete="name" required maxLength={100} state={state} />
      <Field label="Email" name="email" type="email" autoComplete="email" inputMode="email" required state={state} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint={passwordHint} state={state} />
      <div className={styles.submitRow}>
        <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
      </div>
    </form>
  );
}
