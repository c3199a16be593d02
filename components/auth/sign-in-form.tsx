'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/components/forms/fields';
import type { FormState } from '@/lib/forms';
import { describeSignInResult } from '@/components/auth/auth-errors';
import styles from '@/components/auth/auth.module.css';

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Email and password sign-in through next-auth (redirect: false), so a refusal stays on this page
 * with the server's own sentence (wrong password, blocked for N minutes, disabled account) in the
 * alert region, and success goes to the (already validated, same-site) callback URL.
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [initialState] = useState<FormState>(() => (initialError ? { ok: false, message: initialError } : {}));

  const [state, formAction] = useActionState(async (_prev: FormState, form: FormData): Promise<FormState> => {
    const email = text(form, 'email').trim();
    const password = text(form, 'password');
    const fieldErrors: Record<string, string> = {};
    if (!email) fieldErrors.email = 'Enter your email address.';
    if (!password) fieldErrors.password = 'Enter your password.';
    if (Object.keys(fieldErrors).length > 0) return { fieldErrors, values: { email } };

    const result = await signIn('credentials', { email, password, redirect: false, callbackUrl }).catch(() => undefined);
    if (!result || result.error || !result.ok) {
      return { ok: false, message: result ? describeSignInResult(result.error) : 'Hindsight could not be reached. Check your connection and try again.', values: { email } };
    }
    router.push(callbackUrl);
    router.refresh();
    return { ok: true, message: 'Signed in. Opening Hindsight…', values: { email } };
  }, initialState);

  // After a refusal, put the cursor where the user acts next: the first field with an error,
  // otherwise the password (which the form reset has cleared). Not on first paint.
  useEffect(() => {
    if (state === initialState || state.ok) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLInputElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLInputElement>('input[name="password"]');
    target?.focus();
  }, [state, initialState]);

  return (
    <form ref={formRef} action={formAction} noValidate>
      <FormMessage state={state} />
      <Field label="Email" name="email" type="email" autoComplete="email" inputMode="email" required state={state} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required state={state} />
      <div className={styles.submitRow}>
        <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      </div>
    </form>
  );
}
