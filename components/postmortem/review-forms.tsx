'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { ConfirmSubmit } from './confirm-submit';
import { REVIEW_PANEL_TITLE } from './review-ids';
import styles from './review.module.css';

/** A review server action bound to its team and incident, as useActionState calls it. */
export type ReviewFormAction = (state: FormState, form: FormData) => Promise<FormState>;

function FieldError({ id, state, name }: { id: string; state: FormState; name: string }) {
  return (
    <p id={id} className={styles.fieldError} aria-live="polite">
      {state.fieldErrors?.[name] ?? ''}
    </p>
  );
}

/** A labelled textarea with its error next to it (announced, and linked by aria-describedby); an optional hint. */
export function TextAreaField({ label, name, state, rows, defaultValue, required, hint }: { label: string; name: string; state: FormState; rows: number; defaultValue?: string; required?: boolean; hint?: string }) {
  const fieldId = useId();
  const errorId = `${fieldId}-error`;
  const hintId = `${fieldId}-hint`;
  const error = state.fieldErrors?.[name];
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label htmlFor={fieldId} className={styles.legend}>
        {label}
      </label>
      <textarea
        id={fieldId}
        name={name}
        rows={rows}
        required={required}
        className={styles.textarea}
        defaultValue={state.values?.[name] ?? defaultValue}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
      {hint ? (
        <p id={hintId} className={styles.muted}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} state={state} name={name} />
    </>
  );
}

/** Editors name one or more reviewers among the team's members. */
export function RequestReviewForm({ action, members }: { action: ReviewFormAction; members: { id: string; name: string }[] }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const errorId = useId();
  const error = state.fieldErrors?.reviewerIds;
  return (
    <form action={formAction} className={styles.form}>
      <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
        <legend className={styles.legend}>Reviewers</legend>
        <ul className={styles.checkList}>
          {members.map((m) => (
            <li key={m.id}>
              <label>
                <input type="checkbox" name="reviewerIds" value={m.id} /> {m.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <FieldError id={errorId} state={state} name="reviewerIds" />
      <SubmitButton pendingText="Requesting…">Request review</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** The named reviewer approves, or requests changes saying what should change. */
export function DecisionForm({ action, version, comments }: { action: ReviewFormAction; version: number; comments: string }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form key={version} action={formAction} className={styles.form}>
      <input type="hidden" name="version" value={version} />
      <TextAreaField label="Your review comments" name="comments" rows={3} state={state} defaultValue={comments} />
      <div className={styles.buttons}>
        <button type="submit" name="decision" value="approved" className="button button-primary">
          Approve
        </button>
        <button type="submit" name="decision" value="changes_requested" className="button">
          Request changes
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Publish, with the open blameless-flag count shown first (a warning, never a block). */
export function PublishForm({ action, openFlags, ready }: { action: ReviewFormAction; openFlags: number; ready: boolean }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const warningId = useId();
  return (
    <form action={formAction} className={styles.form} aria-describedby={openFlags > 0 ? warningId : undefined}>
      {openFlags > 0 ? (
        <p id={warningId} className={styles.warning} role="note">
          {openFlags} open blameless-language {openFlags === 1 ? 'flag' : 'flags'}: consider rephrasing before publishing (it does not block publishing).
        </p>
      ) : null}
      {ready ? null : <p className={styles.muted}>Publishing needs at least one approval and no outstanding request for changes.</p>}
      <SubmitButton pendingText="Publishing…">Publish</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Admins reopen a published post-mortem as a draft, saying why. */
export function ReopenForm({ action }: { action: ReviewFormAction }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className={styles.form}>
      <TextAreaField label="Reason for reopening" name="reason" rows={2} state={state} required />
      <SubmitButton variant="danger" pendingText="Reopening…">
        Reopen as draft
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Opens the browser's print dialog (print to PDF); the print stylesheet hides the app chrome. */
export function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      Print / PDF
    </button>
  );
}

/** Editors take a post-mortem out of review, back to draft (pending requests are cancelled), after confirming. */
export function WithdrawForm({ action, reviews }: { action: ReviewFormAction; reviews: readonly { id: string; version: number }[] }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const submitted = useRef(false);
  // Once withdrawn this form goes away with the in-review state: focus moves to the panel's title,
  // whose status ("Draft") is announced, instead of being lost to the page.
  useEffect(
    () => () => {
      if (submitted.current) document.getElementById(REVIEW_PANEL_TITLE)?.focus();
    },
    [],
  );
  return (
    <form action={formAction} className={styles.form} onSubmit={() => (submitted.current = true)}>
      <input type="hidden" name="reviews" value={reviews.map((r) => `${r.id}:${r.version}`).join(',')} />
      <div className={styles.buttons}>
        <ConfirmSubmit
          label="Withdraw from review…"
          question="Back to draft? Reviewers who have not decided yet are taken off; decisions already given stay visible."
          confirmLabel="Withdraw to draft"
          pendingText="Withdrawing…"
        />
      </div>
      <FormMessage state={state} />
    </form>
  );
}
