'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/components/forms/fields';
import type { AlertSourceName } from '@/lib/alerts/schemas';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { SetupSecret } from './setup-secret';
import styles from './alerts.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/**
 * Connect a source, or rotate its secret. Hindsight generates the secret for Alertmanager and the
 * generic format (shown once, with the configuration); PagerDuty generates its own: paste it.
 */
export function SecretForm({ action, source, url, version }: { action: Action; source: AlertSourceName; url: string; version?: number }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const rotate = version !== undefined;
  return (
    <>
      <form action={formAction} className={styles.secretForm} aria-label={rotate ? 'Rotate the secret' : 'Connect'}>
        <input type="hidden" name="source" value={source} />
        {rotate ? <input type="hidden" name="version" value={version} /> : null}
        {source === 'pagerduty' ? (
          <Field
            id={`${source}-secret`}
            label={rotate ? 'New signing secret from PagerDuty' : 'Signing secret from PagerDuty'}
            name="secret"
            state={state}
            required
            autoComplete="off"
            spellCheck={false}
            hint="PagerDuty shows it once, right after you create the webhook subscription."
          />
        ) : null}
        <SubmitButton variant={rotate ? 'secondary' : 'primary'} pendingText={rotate ? 'Rotating…' : 'Connecting…'}>
          {rotate ? (source === 'pagerduty' ? 'Save the new secret' : 'Rotate the secret') : 'Connect'}
        </SubmitButton>
      </form>
      <FormMessage state={state} />
      {state.ok && state.secret ? <SetupSecret key={state.secret} source={source} url={url} secret={state.secret} /> : null}
    </>
  );
}
