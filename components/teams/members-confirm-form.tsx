'use client';

import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { RowMessage, type FormAction } from './members-role-form';
import styles from './members.module.css';

interface Props {
  action: FormAction;
  /** Hidden fields posted with the confirmation (e.g. the membership id). */
  fields?: Record<string, string>;
  /** The first button ("Remove"); its accessible name should say what it acts on. */
  trigger: ReactNode;
  /** The question shown after the first click ("Remove Ada from the team?"). */
  question: string;
  confirmLabel: string;
}

/**
 * A destructive action in two steps: the first click only asks, the second (a real form submit)
 * does it. Focus moves to the confirm button and back, so keyboard users never lose their place.
 */
export function MembersConfirmForm({ action, fields = {}, trigger, question, confirmLabel }: Props) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  // Asking is tied to the state it was asked in: when the action answers (a new state), the
  // question closes by itself and the answer shows.
  const [askedIn, setAskedIn] = useState<FormState | null>(null);
  const confirming = askedIn === state;
  const confirmRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    else if (asked.current) triggerRef.current?.focus();
  }, [confirming]);

  function ask(next: boolean) {
    asked.current = true;
    setAskedIn(next ? state : null);
  }

  return (
    <form action={formAction} className={styles.inlineForm}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirming ? (
        <div ref={confirmRef} className={styles.inlineForm} role="group" aria-label={question}>
          <span className={styles.confirmText}>{question}</span>
          <SubmitButton variant="danger" pendingText="Working…">
            {confirmLabel}
          </SubmitButton>
          <button type="button" className="button" onClick={() => ask(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button ref={triggerRef} type="button" className="button" onClick={() => ask(true)}>
          {trigger}
        </button>
      )}
      <RowMessage state={state} />
    </form>
  );
}
