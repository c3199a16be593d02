'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/fields';
import { TextAreaField } from '@/components/incidents/incident-form-fields';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/forms';
import { CATEGORY_LABEL, MAX_HOW_LENGTH, type IncidentFactorView } from '@/lib/factors/schemas';
import styles from './factors.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** One linked factor: its explanation, and for editors an edit form (version-checked) and an unlink button. */
export function FactorLinkItem({ link, factorHref, canEdit, update, unlink }: { link: IncidentFactorView; factorHref: string; canEdit: boolean; update: Action; unlink: Action }) {
  const [editing, setEditing] = useState(false);
  const [saveState, saveAction] = useActionState<FormState, FormData>(async (prev, form) => {
    const next = await update(prev, form);
    if (next.ok) setEditing(false);
    return next;
  }, EMPTY_FORM_STATE);
  const [unlinkState, unlinkAction] = useActionState(unlink, EMPTY_FORM_STATE);
  const headingId = `link-${link.id}`;
  return (
    <li className={styles.linkItem} aria-labelledby={headingId}>
      <div className={styles.linkHead}>
        <h3 id={headingId} className={styles.linkName}>
          <Link href={factorHref}>{link.factorName}</Link>
        </h3>
        <span className={styles.badge}>{CATEGORY_LABEL[link.category]}</span>
      </div>
      {editing ? (
        <form action={saveAction} aria-label={`How “${link.factorName}” contributed`}>
          <input type="hidden" name="linkId" value={link.id} />
          <input type="hidden" name="version" value={link.version} />
          <TextAreaField label="How it contributed" name="howItContributed" id={`how-${link.id}`} state={saveState} rows={3} required maxLength={MAX_HOW_LENGTH} defaultValue={link.howItContributed} />
          <div className={styles.actionsRow}>
            <SubmitButton>Save</SubmitButton>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className={styles.prose}>{link.howItContributed}</p>
      )}
      <FormMessage state={saveState} />
      {canEdit && !editing ? (
        <div className={styles.actionsRow}>
          <button type="button" className="button" onClick={() => setEditing(true)} aria-label={`Edit how “${link.factorName}” contributed`}>
            Edit
          </button>
          <form
            action={unlinkAction}
            className={styles.inlineForm}
            onSubmit={(event) => {
              if (!window.confirm(`Unlink “${link.factorName}” from this incident? The factor stays in the catalog.`)) event.preventDefault();
            }}
          >
            <input type="hidden" name="linkId" value={link.id} />
            <input type="hidden" name="version" value={link.version} />
            <button type="submit" className="button" aria-label={`Unlink “${link.factorName}”`}>
              Unlink
            </button>
          </form>
          <FormMessage state={unlinkState} />
        </div>
      ) : null}
    </li>
  );
}
