'use client';

import { useFormStatus } from 'react-dom';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import type { FormState } from '@/lib/forms';
import styles from './forms.module.css';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  state?: FormState;
  hint?: ReactNode;
}

/** A labelled input whose error (from the action's FormState) sits next to it and is announced. */
export function Field({ label, name, state, hint, id, defaultValue, ...input }: FieldProps) {
  const fieldId = id ?? `field-${name}`;
  const error = state?.fieldErrors?.[name];
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={fieldId} className={styles.label}>
        {label}
      </label>
      <input
        id={fieldId}
        name={name}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        defaultValue={state?.values?.[name] ?? defaultValue}
        {...input}
      />
      {hint ? (
        <p id={`${fieldId}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <p id={`${fieldId}-error`} className={styles.error} aria-live="polite">
        {error ?? ''}
      </p>
    </div>
  );
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  state?: FormState;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ label, name, state, options, id, defaultValue, ...select }: SelectProps) {
  const fieldId = id ?? `field-${name}`;
  const error = state?.fieldErrors?.[name];
  return (
    <div className={styles.field}>
      <label htmlFor={fieldId} className={styles.label}>
        {label}
      </label>
      {/* React 19 resets a form after its action and a <select> only reads defaultValue when it is
          first drawn: keying on the value redraws it with the echoed or newly saved value. */}
      <select
        key={String(state?.values?.[name] ?? defaultValue ?? '')}
        id={fieldId}
        name={name}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        defaultValue={state?.values?.[name] ?? defaultValue}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p id={`${fieldId}-error`} className={styles.error} aria-live="polite">
        {error ?? ''}
      </p>
    </div>
  );
}

/** Submit button that shows progress and cannot be double-submitted. */
export function SubmitButton({ children, pendingText, variant = 'primary' }: { children: ReactNode; pendingText?: string; variant?: 'primary' | 'secondary' | 'danger' }) {
  const { pending } = useFormStatus();
  const className = variant === 'primary' ? 'button button-primary' : variant === 'danger' ? `button ${styles.danger}` : 'button';
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? 'Saving…') : children}
    </button>
  );
}

/** The form-level message (success or error), announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <p role={state.ok === false || (state.message && !state.ok) ? 'alert' : 'status'} className={state.ok ? styles.success : state.message ? styles.formError : styles.empty}>
      {state.message ?? ''}
    </p>
  );
}
