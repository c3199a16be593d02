'use client';

import { useActionState, useEffect, useEffectEvent, useRef, type ReactNode } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/fields';
import type { CommentFormState } from '@/app/t/[team]/incidents/[number]/postmortem/comment-actions';
import { TextAreaField } from './review-forms';
import styles from './comments.module.css';

/** A comment server action bound to its team (and incident, for new comments), as useActionState calls it. */
export type CommentAction = (state: CommentFormState, form: FormData) => Promise<CommentFormState>;

export interface CommentActions {
  add: CommentAction;
  resolve: CommentAction;
  edit: CommentAction;
  remove: CommentAction;
}

/** useActionState that reports each successful result once (to move focus, close a form ...). */
export function useCommentAction(action: CommentAction, onDone?: (state: CommentFormState) => void) {
  const [state, formAction] = useActionState(action, {} as CommentFormState);
  const done = useEffectEvent((result: CommentFormState) => onDone?.(result));
  useEffect(() => {
    if (state.ok) done(state);
  }, [state]);
  return [state, formAction] as const;
}

interface WriteProps {
  action: CommentAction;
  label: string;
  submit: string;
  hidden: Record<string, string>;
  onDone: (state: CommentFormState) => void;
  onCancel?: () => void;
  defaultValue?: string;
  autoFocus?: boolean;
}

/** Writes a comment: a new thread, a reply or an edit (the hidden fields say which). */
export function CommentWriteForm({ action, label, submit, hidden, onDone, onCancel, defaultValue, autoFocus }: WriteProps) {
  const [state, formAction] = useCommentAction(action, onDone);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (autoFocus) formRef.current?.querySelector('textarea')?.focus();
  }, [autoFocus]);
  return (
    <form ref={formRef} action={formAction} className={styles.writeForm} onKeyDown={(e) => e.key === 'Escape' && onCancel?.()}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextAreaField label={label} name="body" rows={2} state={state} defaultValue={defaultValue} required />
      <div className={styles.row}>
        <SubmitButton pendingText="Posting…">{submit}</SubmitButton>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}

/** A one-button form (resolve, reopen, delete) with its outcome announced next to it. */
export function CommentButtonForm({ action, fields, onSubmit, children }: { action: CommentAction; fields: Record<string, string>; onSubmit: () => void; children: ReactNode }) {
  const [state, formAction] = useActionState(action, {} as CommentFormState);
  return (
    <form action={formAction} className={styles.inlineForm} onSubmit={onSubmit}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {state.ok || !state.message ? null : (
        <span role="alert" className={styles.error}>
          {state.message}
        </span>
      )}
    </form>
  );
}
