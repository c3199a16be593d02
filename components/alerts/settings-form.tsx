'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import type { IntegrationView } from '@/lib/alerts/queries';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import styles from './alerts.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const SEVERITY_OPTIONS = [
  { value: 'SEV1', label: 'SEV1' },
  { value: 'SEV2', label: 'SEV2' },
  { value: 'SEV3', label: 'SEV3' },
  { value: 'SEV4', label: 'SEV4' },
] as const;

/** Enabled, which lifecycle times the sender may set, and the severity of alerts that carry none. */
export function SettingsForm({ action, integration }: { action: Action; integration: IntegrationView }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const id = (name: string) => `${integration.source}-${name}`;
  const box = (name: 'enabled' | 'applyAcknowledged' | 'applyResolved', label: string, hint: string) => (
    <div className={styles.check}>
      <input type="checkbox" id={id(name)} name={name} defaultChecked={integration[name]} aria-describedby={id(`${name}-hint`)} />
      <div>
        <label htmlFor={id(name)}>{label}</label>
        <p id={id(`${name}-hint`)} className={styles.hint}>
          {hint}
        </p>
      </div>
    </div>
  );
  return (
    // Keyed on the version so a saved change redraws the form with the stored values.
    <form key={integration.version} action={formAction} className={styles.settings} aria-label="Settings">
      <input type="hidden" name="source" value={integration.source} />
      <input type="hidden" name="version" value={integration.version} />
      {box('enabled', 'Enabled', 'While disabled, deliveries are refused with 401.')}
      {box('applyAcknowledged', 'Acknowledge events set Acknowledged', 'Otherwise they only add a timeline entry.')}
      {box('applyResolved', 'Resolve events set Resolved', 'Otherwise they only add a timeline entry; with Alertmanager, once every alert of the group is resolved.')}
      <SelectField
        id={id('defaultSeverity')}
        label="Default severity"
        name="defaultSeverity"
        state={state}
        options={SEVERITY_OPTIONS}
        defaultValue={integration.defaultSeverity}
      />
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
