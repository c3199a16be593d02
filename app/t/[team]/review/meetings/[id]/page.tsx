import type { Metadata } from 'next';
import Link from 'next/link';
import { formatInZone } from '@/components/incidents/format';
import type { ActionOptions } from '@/components/actions/action-fields';
import { ActionStatusBadge, DueDate } from '@/components/actions/badges';
import { EndMeetingForm } from '@/components/meetings/item-controls';
import { MeetingItems, NoteList } from '@/components/meetings/meeting-items';
import { NoteForm } from '@/components/meetings/note-form';
import styles from '@/components/meetings/meetings.module.css';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import '@/components/postmortem/review-print.css';
import { actionFormOptions } from '@/lib/actions/queries';
import { roleAtLeast } from '@/lib/teams/access';
import { loadMeetingPage, type MeetingParams } from '../load';

export const metadata: Metadata = { title: 'Review meeting' };

/** The running meeting (agenda items, notes, decisions, actions) and, once ended, its read-only record. */
export default async function MeetingPage({ params }: { params: MeetingParams }) {
  const { actor, meeting, zone, base, href } = await loadMeetingPage(params);
  const canCreateActions = meeting.canTakePart && roleAtLeast(actor.role, 'editor');
  const incidentIds = [...new Set(meeting.items.flatMap((i) => (i.incident ? [i.incident.id] : i.action ? [i.action.incident.id] : [])))];
  const options: Record<string, ActionOptions> = canCreateActions ? Object.fromEntries(await Promise.all(incidentIds.map(async (id) => [id, await actionFormOptions(actor, id)] as const))) : {};
  const running = meeting.status === 'in_progress';
  const when = formatInZone(new Date(meeting.heldAt), zone);
  const pendingItems = meeting.items.filter((i) => i.status === 'pending').length;
  const currentId = running ? meeting.items.find((i) => i.status === 'pending')?.id : undefined;
  const decisions = [...meeting.items.flatMap((i) => i.notes), ...meeting.general].filter((n) => n.kind === 'decision');
  return (
    <>
      <PageHeader
        title={`${running ? 'Review meeting' : 'Review meeting record'}, ${when}`}
        description={running ? `In progress since ${when} (${zone}). Notes and decisions save as their own entries, so several people can write at once.` : `Held ${when} to ${meeting.endedAt ? formatInZone(new Date(meeting.endedAt), zone) : ''} (${zone}). This record is read-only.`}
      />
      <div className={styles.toolbar} data-print="hide">
        <Link href={base}>All meetings</Link>
        <Link href={`${href}/present`} className="button">
          Present
        </Link>
        <a href={`${href}/minutes`} className="button" download>
          Download minutes (Markdown)
        </a>
        {running && currentId ? <a href={`#item-${currentId}`}>Jump to the current item</a> : null}
        {meeting.canEnd ? <EndMeetingForm slug={actor.teamSlug} meetingId={meeting.id} version={meeting.version} pendingItems={pendingItems} /> : null}
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>Facilitator</dt>
          <dd>{meeting.facilitator?.name ?? 'None'}</dd>
        </div>
        <div>
          <dt>Attendees</dt>
          <dd>{meeting.attendees.map((a) => a.name).join(', ') || 'None'}</dd>
        </div>
        <div>
          <dt>Period reviewed</dt>
          <dd>
            {formatInZone(new Date(meeting.periodStart), zone)} to {formatInZone(new Date(meeting.periodEnd), zone)}
          </dd>
        </div>
        <div>
          <dt>Items</dt>
          <dd>
            {meeting.items.length - pendingItems} of {meeting.items.length} reached
          </dd>
        </div>
      </dl>
      {meeting.items.length ? (
        <MeetingItems slug={actor.teamSlug} meeting={meeting} zone={zone} userId={actor.userId ?? ''} canCreateActions={canCreateActions} options={options} />
      ) : (
        <EmptyState title="The agenda was empty">
          <p>Nothing happened in the period reviewed. Use the general notes below for anything else.</p>
        </EmptyState>
      )}
      <section className={styles.section} aria-labelledby="general-heading">
        <h2 id="general-heading">General notes and decisions</h2>
        <NoteList slug={actor.teamSlug} notes={meeting.general} zone={zone} userId={actor.userId ?? ''} editable={meeting.canTakePart} />
        {!meeting.general.length && !meeting.canTakePart ? <p className={styles.muted}>None.</p> : null}
        {meeting.canTakePart ? (
          <div data-print="hide">
            <NoteForm slug={actor.teamSlug} meetingId={meeting.id} itemId={null} label="General note or decision" />
          </div>
        ) : null}
      </section>
      <section className={styles.section} aria-labelledby="record-heading">
        <h2 id="record-heading">{running ? 'So far' : 'Outcome'}</h2>
        <h3>Decisions</h3>
        {decisions.length ? (
          <ul className={styles.recordList}>
            {decisions.map((d) => (
              <li key={d.id}>{d.body}</li>
            ))}
          </ul>
        ) : (
          <p className={styles.muted}>None.</p>
        )}
        <h3>Actions created</h3>
        {meeting.actionsCreated.length ? (
          <ul className={styles.recordList}>
            {meeting.actionsCreated.map((a) => (
              <li key={a.id}>
                <Link href={`/t/${encodeURIComponent(actor.teamSlug)}/incidents/${a.incident.number}/actions`}>{a.title}</Link> (INC-{a.incident.number}) · <ActionStatusBadge status={a.status} /> · owner {a.owner?.name ?? 'none'} · due <DueDate dueDate={a.dueDate} daysOverdue={a.daysOverdue} />
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.muted}>None.</p>
        )}
        <h3>Incidents reviewed</h3>
        {meeting.incidentsReviewed.length ? (
          <ul className={styles.recordList}>
            {meeting.incidentsReviewed.map((r) => (
              <li key={r.id}>
                <Link href={`/t/${encodeURIComponent(actor.teamSlug)}/incidents/${r.number}`}>
                  INC-{r.number}: {r.title}
                </Link>{' '}
                ({formatInZone(new Date(r.reviewedAt), zone)})
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.muted}>None.</p>
        )}
        {running ? null : (
          <>
            <h3>Carried over to the next meeting</h3>
            {meeting.items.some((i) => i.status === 'carried_over') ? (
              <ul className={styles.recordList}>
                {meeting.items
                  .filter((i) => i.status === 'carried_over')
                  .map((i) => (
                    <li key={i.id}>{i.title}</li>
                  ))}
              </ul>
            ) : (
              <p className={styles.muted}>Nothing: every item was reached.</p>
            )}
          </>
        )}
      </section>
    </>
  );
}
