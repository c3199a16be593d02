'use client';

import type { TextareaHTMLAttributes } from 'react';
import forms from '@/components/forms/forms.module.css';
import type { FormState } from '@/lib/forms';
import styles from './incident-form.module.css';

interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  state?: FormState;
}

/** A labelled textarea whose error sits next to it (aria-describedby) and is announced. */
export function TextAreaField({ label, name, state, defaultValue, id: idProp, ...rest }: TextAreaProps) {
  const id = idProp ?? `field-${name}`;
  const error = state?.fieldErrors?.[name];
  return (
    <div className={forms.field}>
      <label htmlFor={id} className={forms.label}>
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        className={`${forms.input} ${styles.textarea}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        defaultValue={state?.values?.[name] ?? defaultValue}
        {...rest}
      />
      <p id={`${id}-error`} className={forms.error} aria-live="polite">
        {error ?? ''}
      </p>
    </div>
  );
}

/** Existing services as checkboxes (pick) plus a text box for new ones (create). */
export function ServicesField({ known, selected, state }: { known: readonly string[]; selected: readonly string[]; state: FormState }) {
  const error = Object.entries(state.fieldErrors ?? {}).find(([key]) => key === 'services' || key.startsWith('services.'))?.[1];
  const echoed = state.values?.services;
  const checked = new Set(echoed === undefined ? selected : echoed.split('\n'));
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? 'services-error' : undefined}>
      <legend className={forms.label}>Services</legend>
      {known.length ? (
        <div className={styles.checks} key={[...checked].join('|')}>
          {known.map((name) => (
            <label key={name} className={styles.check}>
              <input type="checkbox" name="services" value={name} defaultChecked={checked.has(name)} /> {name}
            </label>
          ))}
        </div>
      ) : null}
      <div className={forms.field}>
        <label htmlFor="field-newServices" className={forms.label}>
          New services
        </label>
        <input
          id="field-newServices"
          name="newServices"
          className={forms.input}
          defaultValue={state.values?.newServices ?? ''}
          aria-describedby={`field-newServices-hint${error ? ' services-error' : ''}`}
          aria-invalid={error ? true : undefined}
        />
        <p id="field-newServices-hint" className={forms.hint}>
          Comma-separated; new names are added to the team’s services.
        </p>
      </div>
      <p id="services-error" className={forms.error} aria-live="polite">
        {error ?? ''}
      </p>
    </fieldset>
  );
}
