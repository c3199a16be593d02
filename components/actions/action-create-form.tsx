'use client';

import { useActionState } from 'react';
import { createActionAction } from '@/app/t/[team]/incidents/[number]/actions/actions';
import { FormMessage, SubmitButton } from '@/components/forms/fields';
import type { ActionFormState } from '@/lib/actions/form-input';
import { ActionFields, type ActionOptions } from './action-fields';
import styles from './actions.module.css';

export interface ActionCreateFormProps {
  slug: string;
  incident: { id: string; number: number };
  options: ActionOptions;
  /** The team's time zone (due dates are days there). */
  zone: string;
  /** Prefill: the factor the action addresses (e.g. from a factor's page). */
  factorId?: string;
  /** Prefill: the timeline entry it came from (the timeline's "Create action" link). */
  timelineEventId?: string;
  /** Created during this review meeting (the meeting's record lists it). */
  meetingId?: string;
}

/**
 * A new action on an incident (editors and admins). Reusable: the incident's actions tab uses it,
 * and a factor's page can render it with `factorId` set.
 */
export function ActionCreateForm({ slug, incident, options, zone, factorId, timelineEventId, meetingId }: ActionCreateFormProps) {
  const [state, formAction] = useActionState<ActionFormState, FormData>(createActionAction.bind(null, slug, incident.id), {});
  return (
    <form action={formAction} aria-label={`New action for INC-${incident.number}`} noValidate>
      {meetingId ? <input type="hidden" name="meetingId" value={meetingId} /> : null}
      <ActionFields idPrefix={meetingId ? `new-action-${incident.id}` : 'new-action'} state={state} defaults={{ factorId, timelineEventId }} options={options} zone={zone} withEvent={options.events.length > 0} />
      <div className={styles.filterActions}>
        <SubmitButton pendingText="Adding…">Add action</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
