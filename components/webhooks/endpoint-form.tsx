'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from '@/lib/webhooks/events';
import { MAX_DESCRIPTION_LENGTH, MAX_URL_LENGTH } from '@/lib/webhooks/schemas';
import { NewSecret } from './new-secret';
import forms from '@/components/forms/forms.module.css';
import styles from './webhooks.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export interface EndpointDefaults {
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  version: number;
}

/** The event checkboxes as one fieldset, with its error announced next to it. */
function EventChoices({ prefix, state, selected }: { prefix: string; state: FormState; selected: string[] }) {
  const errorKey = Object.keys(state.fieldErrors ?? {}).find((k) => k === 'events' || k.startsWith('events.'));
  const error = errorKey ? state.fieldErrors?.[errorKey] : undefined;
  return (
    <fieldset className={styles.events} aria-describedby={`${prefix}-events-error`} aria-invalid={error ? true : undefined}>
      <legend>Events</legend>
      {WEBHOOK_EVENTS.map((event) => (
        <label key={event} className={styles.checkbox}>
          <input type="checkbox" name="events" value={event} defaultChecked={selected.includes(event)} />
          {WEBHOOK_EVENT_LABELS[event]} <span className={styles.eventCode}>{event}</span>
        </label>
      ))}
      <p id={`${prefix}-events-error`} className={forms.error} aria-live="polite">
        {error ?? ''}
      </p>
    </fieldset>
  );
}

/**
 * Creates an endpoint (the secret is then shown once) or edits one at the version the page
 * loaded (a stale save is refused with a message and the page shows the current settings).
 */
export function EndpointForm({ action, prefix, defaults, submitLabel }: { action: Action; prefix: string; defaults?: EndpointDefaults; submitLabel: string }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const editing = defaults !== undefined;
  // After an error the form keeps what was typed (the action echoes the ticked events).
  const echoed = state.values?.events;
  const selected = echoed !== undefined ? echoed.split(',').filter(Boolean) : (defaults?.events ?? ['incident.created', 'incident.resolved']);
  return (
    <>
      {/* A new version (saved here or elsewhere) redraws the inputs with the current settings. */}
      <form action={formAction} key={defaults?.version ?? 'new'}>
        <Field
          id={`${prefix}-url`}
          label="Payload URL"
          name="url"
          type="url"
          state={state}
          required
          maxLength={MAX_URL_LENGTH}
          defaultValue={defaults?.url}
          autoComplete="off"
          placeholder="https://hooks.example.com/hindsight"
          hint="Hindsight POSTs JSON here. Redirects are not followed."
        />
        <Field id={`${prefix}-description`} label="Description (optional)" name="description" state={state} maxLength={MAX_DESCRIPTION_LENGTH} defaultValue={defaults?.description} autoComplete="off" />
        <EventChoices key={selected.join(',')} prefix={prefix} state={state} selected={selected} />
        {editing ? (
          <>
            <label className={styles.checkbox}>
              <input type="checkbox" name="enabled" defaultChecked={defaults.enabled} /> Enabled (events are queued for it)
            </label>
            <input type="hidden" name="version" value={defaults.version} />
          </>
        ) : null}
        <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
      </form>
      <div className={styles.status}>
        <FormMessage state={state} />
        {!editing && state.ok && state.secret ? <NewSecret key={state.secret} secret={state.secret} id={`${prefix}-secret`} /> : null}
      </div>
    </>
  );
}
