import type { Metadata } from 'next';
import { ActionCreateForm } from '@/components/actions/action-create-form';
import { ActionProgressSummary } from '@/components/actions/action-progress';
import styles from '@/components/actions/actions.module.css';
import { IncidentActionList } from '@/components/actions/incident-action-list';
import { EmptyState } from '@/components/ui/empty-state';
import { actionFormOptions, incidentActionProgress, listIncidentActions } from '@/lib/actions/queries';
import { roleAtLeast } from '@/lib/teams/access';
import { loadIncidentPage, type IncidentParams } from '../incident-page';

export const metadata: Metadata = { title: 'Actions' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The incident's action items: progress, the list with inline status and edit, and the create form (editors). */
export default async function IncidentActionsPage({ params, searchParams }: { params: IncidentParams; searchParams: SearchParams }) {
  const { actor, incident, href } = await loadIncidentPage(params, '/actions');
  const { fromEvent, factor } = await searchParams;
  const [items, progress, options] = await Promise.all([listIncidentActions(actor, incident.id), incidentActionProgress(actor, incident.id), actionFormOptions(actor, incident.id)]);
  const canEdit = roleAtLeast(actor.role, 'editor');
  const zone = actor.team.timeZone;
  const eventId = typeof fromEvent === 'string' && options.events.some((e) => e.value === fromEvent) ? fromEvent : undefined;
  // From a factor page: the form starts with that factor (a live factor of this team only).
  const factorId = typeof factor === 'string' && options.factors.some((f) => f.value === factor) ? factor : undefined;
  return (
    <>
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading" className="visually-hidden">
          Action items
        </h2>
        <ActionProgressSummary progress={progress} />
        <p className={styles.sub}>Due dates are days in the team’s time zone ({zone}); an open action is overdue from the day after its due date.</p>
        {items.length ? (
          <IncidentActionList slug={actor.teamSlug} items={items} options={options} zone={zone} canEdit={canEdit} userId={actor.userId ?? ''} timelineHref={`${href}/timeline`} />
        ) : (
          <EmptyState title="No action items yet">
            <p>Remediation actions (prevent, detect, mitigate, process) with an owner and a due date are tracked here until they are done.{canEdit ? '' : ' Editors can add them.'}</p>
          </EmptyState>
        )}
      </section>
      {canEdit ? (
        <section id="new-action" className={styles.panel} aria-labelledby="new-action-heading">
          <h2 id="new-action-heading">New action{eventId ? ' from a timeline entry' : factorId ? ' for a contributing factor' : ''}</h2>
          <ActionCreateForm key={eventId ?? factorId ?? 'new'} slug={actor.teamSlug} incident={{ id: incident.id, number: incident.number }} options={options} zone={zone} timelineEventId={eventId} factorId={factorId} />
        </section>
      ) : null}
    </>
  );
}
