'use client';

import { Field, SelectField } from '@/components/forms/fields';
import formStyles from '@/components/forms/forms.module.css';
import type { ActionFormState } from '@/lib/actions/form-input';
import { ACTION_PRIORITIES, ACTION_TYPES, TYPE_LABEL } from '@/lib/actions/schemas';
import styles from './actions.module.css';

export interface ActionOptions {
  members: readonly { value: string; label: string }[];
  factors: readonly { value: string; label: string }[];
  events: readonly { value: string; label: string }[];
}

export interface ActionDefaults {
  title?: string;
  description?: string;
  type?: string;
  priority?: string;
  ownerId?: string;
  dueDate?: string;
  ticketUrl?: string;
  factorId?: string;
  timelineEventId?: string;
}

const TYPES = ACTION_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] }));
const PRIORITIES = ACTION_PRIORITIES.map((p) => ({ value: p, label: p === 'P1' ? 'P1 (urgent)' : p === 'P2' ? 'P2 (normal)' : 'P3 (when possible)' }));

/** The fields of an action (create and edit share them); errors sit next to each field. */
export function ActionFields({ idPrefix, state, defaults, options, zone, withEvent }: { idPrefix: string; state: ActionFormState; defaults: ActionDefaults; options: ActionOptions; zone: string; withEvent: boolean }) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const descriptionError = state.fieldErrors?.description;
  return (
    <div className={styles.formGrid}>
      <div className={styles.wide}>
        <Field label="Title" name="title" id={id('title')} state={state} defaultValue={defaults.title} required maxLength={200} hint="What will be done, e.g. “Alert on replication lag above 30 s”." />
      </div>
      <SelectField label="Type" name="type" id={id('type')} state={state} options={TYPES} defaultValue={defaults.type ?? 'prevent'} />
      <SelectField label="Priority" name="priority" id={id('priority')} state={state} options={PRIORITIES} defaultValue={defaults.priority ?? 'P2'} />
      <SelectField label="Owner" name="ownerId" id={id('ownerId')} state={state} options={[{ value: '', label: 'No owner yet' }, ...options.members]} defaultValue={defaults.ownerId ?? ''} />
      <Field label="Due date" name="dueDate" id={id('dueDate')} type="date" state={state} defaultValue={defaults.dueDate} hint={`A day in the team’s time zone (${zone}).`} />
      <Field label="Ticket URL" name="ticketUrl" id={id('ticketUrl')} type="url" state={state} defaultValue={defaults.ticketUrl} maxLength={2000} placeholder="https://" />
      <SelectField label="Factor it addresses" name="factorId" id={id('factorId')} state={state} options={[{ value: '', label: 'None' }, ...options.factors]} defaultValue={defaults.factorId ?? ''} />
      {withEvent ? (
        <div className={styles.wide}>
          <SelectField label="From timeline entry" name="timelineEventId" id={id('timelineEventId')} state={state} options={[{ value: '', label: 'None' }, ...options.events]} defaultValue={defaults.timelineEventId ?? ''} />
        </div>
      ) : null}
      <div className={`${formStyles.field} ${styles.wide}`}>
        <label htmlFor={id('description')} className={formStyles.label}>
          Description
        </label>
        <textarea
          id={id('description')}
          name="description"
          className={styles.textarea}
          maxLength={5000}
          defaultValue={state.values?.description ?? defaults.description}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? `${id('description')}-error` : undefined}
        />
        <p id={`${id('description')}-error`} className={formStyles.error} aria-live="polite">
          {descriptionError ?? ''}
        </p>
      </div>
    </div>
  );
}
