'use client';

import { useActionState } from 'react';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import type { EndpointDefaults } from './endpoint-form';
import { NewSecret } from './new-secret';
import styles from './webhooks.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;
type BoundAction = (state: FormState) => Promise<FormState>;

export interface EndpointActions {
  update: Action;
  rotate: BoundAction;
  remove: BoundAction;
  test: BoundAction;
}

function Status({ state }: { state: FormState }) {
  return (
    <p className={state.ok ? styles.statusOk : state.message ? styles.statusBad : styles.status} aria-live="polite">
      {state.message ?? ''}
    </p>
  );
}

/** "Send test event": sends a ping now and says what the endpoint answered. */
export function TestEventButton({ action, label }: { action: BoundAction; label: string }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <div>
      <form action={formAction}>
        <button type="submit" className="button button-primary" disabled={pending} aria-label={`Send test event to ${label}`}>
          {pending ? 'Sending…' : 'Send test event'}
        </button>
      </form>
      <Status state={state} />
    </div>
  );
}

/** Enable / disable in one click: the edit action with the current settings and `enabled` flipped. */
export function ToggleEnabledButton({ action, endpoint }: { action: Action; endpoint: EndpointDefaults }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <div>
      <form action={formAction}>
        <input type="hidden" name="url" value={endpoint.url} />
        <input type="hidden" name="description" value={endpoint.description} />
        {endpoint.events.map((e) => (
          <input key={e} type="hidden" name="events" value={e} />
        ))}
        <input type="hidden" name="enabled" value={endpoint.enabled ? 'false' : 'true'} />
        <input type="hidden" name="version" value={endpoint.version} />
        <button type="submit" className="button" disabled={pending}>
          {endpoint.enabled ? 'Disable' : 'Enable'}
        </button>
      </form>
      <Status state={state} />
    </div>
  );
}

export function RotateSecretButton({ action, id, label }: { action: BoundAction; id: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <div>
      <form
        action={formAction}
        onSubmit={(event) => {
          if (!window.confirm(`Create a new signing secret for ${label}? Receivers checking the old one will reject deliveries until they are given the new one.`)) event.preventDefault();
        }}
      >
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Rotating…' : 'Rotate secret'}
        </button>
      </form>
      <Status state={state} />
      {state.ok && state.secret ? <NewSecret key={state.secret} secret={state.secret} id={`secret-${id}`} /> : null}
    </div>
  );
}

export function DeleteEndpointButton({ action, label }: { action: BoundAction; label: string }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <div>
      <form
        action={formAction}
        onSubmit={(event) => {
          if (!window.confirm(`Delete the endpoint ${label}? Its delivery log is deleted too, and queued events are not sent.`)) event.preventDefault();
        }}
      >
        <button type="submit" className="button" disabled={pending} aria-label={`Delete endpoint ${label}`}>
          {pending ? 'Deleting…' : 'Delete'}
        </button>
      </form>
      <Status state={state} />
    </div>
  );
}
