'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/forms/fields';
import type { IncidentFormDefaults, IncidentFormState } from '@/lib/incidents/incident-form-input';
import { TIMESTAMP_FIELDS, TIMESTAMP_LABELS } from '@/lib/incidents/incident-schemas';
import { TextAreaField, ServicesField } from './incident-form-fields';
import styles from './incident-form.module.css';

type Action = (prev: IncidentFormState, form: FormData) => Promise<IncidentFormState>;

interface IncidentFormProps {
  action: Action;
  zone: string;
  zoneNote: string;
  knownServices: readonly string[];
  defaults?: IncidentFormDefaults;
  version?: number;
  submitLabel: string;
  cancelHref: string;
  /** The edit page, loaded afresh to see the version someone else saved. */
  reloadHref?: string;
}

const SEVERITY_OPTIONS = [
  { value: 'SEV1', label: 'SEV1 (critical)' },
  { value: 'SEV2', label: 'SEV2 (major)' },
  { value: 'SEV3', label: 'SEV3 (minor)' },
  { value: 'SEV4', label: 'SEV4 (low)' },
];
const KIND_OPTIONS = [
  { value: 'incident', label: 'Incident' },
  { value: 'drill', label: 'Drill (game day, exercise)' },
];
const VISIBILITY_OPTIONS = [
  { value: 'team', label: 'Team: every member' },
  { value: 'restricted', label: 'Restricted: admins and people named on it' },
];
const EMPTY: IncidentFormState = {};

/** Declare or edit an incident; times are entered in `zone` and errors sit next to their field. */
export function IncidentForm({ action, zone, zoneNote, knownServices, defaults, version, submitLabel, cancelHref, reloadHref }: IncidentFormProps) {
  const [state, formAction] = useActionState(action, EMPTY);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state === EMPTY) return;
    const target = state.conflict ? formRef.current?.querySelector<HTMLElement>('#incident-conflict') : formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={formAction} noValidate className={styles.form}>
      {state.conflict ? (
        <section id="incident-conflict" className={styles.conflict} role="alert" tabIndex={-1} aria-labelledby="incident-conflict-title">
          <h2 id="incident-conflict-title">Someone else saved this incident first</h2>
          <p>{state.message}</p>
          <dl>
            <dt>Their version</dt>
            <dd>{state.conflict.version}</dd>
            <dt>Title</dt>
            <dd>{state.conflict.title}</dd>
            <dt>Status</dt>
            <dd>{state.conflict.status}</dd>
            <dt>Saved at</dt>
            <dd>
              <time dateTime={state.conflict.updatedAt}>{state.conflict.updatedAt}</time>
            </dd>
          </dl>
          <p>
            Your changes are still in the form below. Copy what you need, then{' '}
            {/* A full page load, so the form is redrawn with their version. */}
            <a href={reloadHref ?? cancelHref}>reload the form with their version</a>.
          </p>
        </section>
      ) : (
        <FormMessage state={state} />
      )}
      {version !== undefined ? <input type="hidden" name="version" value={state.values?.version ?? String(version)} /> : null}
      <Field label="Title" name="title" required maxLength={200} defaultValue={defaults?.title} state={state} />
      <div className={styles.grid}>
        <SelectField label="Severity" name="severity" options={SEVERITY_OPTIONS} defaultValue={defaults?.severity ?? 'SEV3'} state={state} />
        <SelectField label="Kind" name="kind" options={KIND_OPTIONS} defaultValue={defaults?.kind ?? 'incident'} state={state} />
        <SelectField label="Visibility" name="visibility" options={VISIBILITY_OPTIONS} defaultValue={defaults?.visibility ?? 'team'} state={state} />
      </div>
      <fieldset className={styles.fieldset}>
        <legend>Timestamps, in {zone}</legend>
        <p className="visually-hidden">{zoneNote}</p>
        <div className={styles.grid}>
          {TIMESTAMP_FIELDS.map((field) => (
            <div key={field}>
              <Field
                label={`${TIMESTAMP_LABELS[field]} (${zone})`}
                name={field}
                type="datetime-local"
                step={1}
                required={field === 'startedAt'}
                defaultValue={defaults?.times[field]?.local ?? ''}
                hint={field === 'startedAt' ? zoneNote : undefined}
                state={state}
              />
              {defaults?.times[field] ? <input type="hidden" name={`${field}Original`} value={defaults.times[field].iso} /> : null}
            </div>
          ))}
        </div>
      </fieldset>
      <ServicesField known={knownServices} selected={defaults?.services ?? []} state={state} />
      <TextAreaField label="Summary" name="summary" maxLength={20_000} defaultValue={defaults?.summary} state={state} />
      <TextAreaField label="Customer impact" name="customerImpact" maxLength={20_000} defaultValue={defaults?.customerImpact} state={state} />
      <div className={styles.actions}>
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
