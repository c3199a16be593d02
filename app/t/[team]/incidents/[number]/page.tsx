import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionProgressSummary } from '@/components/actions/action-progress';
import { incidentRef } from '@/components/incidents/format';
import styles from '@/components/incidents/incident-page.module.css';
import { IncidentDurationList, IncidentTimestamps } from '@/components/incidents/incident-overview';
import { RecurrenceCallout } from '@/components/factors/recurrence-callout';
import { incidentActionProgress } from '@/lib/actions/queries';
import { incidentRecurrence } from '@/lib/factors/recurrence-queries';
import { incidentDurations } from '@/lib/incidents/durations';
import { roleAtLeast } from '@/lib/teams/access';
import { loadIncidentPage, zoneNote, type IncidentParams } from './incident-page';

export async function generateMetadata({ params }: { params: IncidentParams }): Promise<Metadata> {
  const { incident } = await loadIncidentPage(params);
  return { title: `${incidentRef(incident.number)}: ${incident.title}` };
}

/** The incident overview: timestamps in the reader's zone, durations, services, visibility, summary, impact. */
export default async function IncidentOverviewPage({ params }: { params: IncidentParams }) {
  const { actor, incident, zone, href, slug } = await loadIncidentPage(params);
  const canEdit = roleAtLeast(actor.role, 'editor');
  const [recurrence, progress] = await Promise.all([incidentRecurrence(actor, incident.id), incidentActionProgress(actor, incident.id)]);
  return (
    <>
      <div className={styles.toolbar}>
        <p className={styles.muted}>{zoneNote(zone)}</p>
        {canEdit ? (
          <Link href={`${href}/edit`} className="button">
            Edit incident
          </Link>
        ) : null}
      </div>
      <RecurrenceCallout earlier={recurrence.earlier} later={recurrence.later} slug={slug} detailsHref={`${href}/factors`} />
      <section className={styles.section} aria-labelledby="times-heading">
        <h2 id="times-heading">Timestamps</h2>
        <IncidentTimestamps incident={incident} zone={zone.zone} />
      </section>
      <section className={styles.section} aria-labelledby="durations-heading">
        <h2 id="durations-heading">Durations</h2>
        <IncidentDurationList durations={incidentDurations(incident)} />
      </section>
      <section className={styles.section} aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className={styles.facts}>
          <dt>Services</dt>
          <dd>{incident.services.length ? incident.services.join(', ') : <span className={styles.muted}>none named</span>}</dd>
          <dt>Visibility</dt>
          <dd>{incident.visibility === 'restricted' ? 'Restricted: admins and the people named on it' : 'Team: every member'}</dd>
        </dl>
      </section>
      <section className={styles.section} aria-labelledby="actions-progress-heading">
        <h2 id="actions-progress-heading">Action items</h2>
        <ActionProgressSummary progress={progress} href={`${href}/actions`} />
      </section>
      <section className={styles.section} aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        {incident.summary ? <p className={styles.prose}>{incident.summary}</p> : <p className={styles.muted}>No summary yet.</p>}
      </section>
      <section className={styles.section} aria-labelledby="impact-heading">
        <h2 id="impact-heading">Customer impact</h2>
        {incident.customerImpact ? <p className={styles.prose}>{incident.customerImpact}</p> : <p className={styles.muted}>Not described yet.</p>}
      </section>
    </>
  );
}
