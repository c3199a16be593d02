import type { Metadata } from 'next';
import { FactorLinkForm } from '@/components/factors/factor-link-form';
import { FactorLinkItem } from '@/components/factors/factor-link-item';
import styles from '@/components/factors/factors.module.css';
import { RecurrenceCallout } from '@/components/factors/recurrence-callout';
import { incidentRef } from '@/components/incidents/format';
import { EmptyState } from '@/components/ui/empty-state';
import { FactorsIcon } from '@/components/ui/icons';
import { listIncidentFactors } from '@/lib/factors/queries';
import { incidentRecurrence } from '@/lib/factors/recurrence-queries';
import { roleAtLeast } from '@/lib/teams/access';
import { loadIncidentPage, type IncidentParams } from '../incident-page';
import { linkFactorAction, suggestFactorsAction, unlinkFactorAction, updateLinkAction } from './actions';

export const metadata: Metadata = { title: 'Contributing factors' };

/** The incident's contributing factors: how each contributed, recurrence, and (editors) linking and editing. */
export default async function IncidentFactorsPage({ params }: { params: IncidentParams }) {
  const { actor, incident, slug } = await loadIncidentPage(params, '/factors');
  const [links, recurrence] = await Promise.all([listIncidentFactors(actor, incident.id), incidentRecurrence(actor, incident.id)]);
  const published = incident.postmortemStatus === 'published';
  const canEdit = roleAtLeast(actor.role, 'editor') && !published;
  const team = `/t/${encodeURIComponent(slug)}`;
  return (
    <>
      {published ? <p role="note">The post-mortem of {incidentRef(incident.number)} is published: its contributing factors are read-only.</p> : null}
      <RecurrenceCallout earlier={recurrence.earlier} later={recurrence.later} slug={slug} />
      <h2 className="visually-hidden">Linked factors</h2>
      {links.length === 0 ? (
        <EmptyState icon={<FactorsIcon size={20} />} title="No contributing factors linked yet">
          <p>Name the systemic conditions that let this incident happen or made it worse (never a person), and say how each contributed.</p>
        </EmptyState>
      ) : (
        <ul className={styles.links} aria-label="Linked factors">
          {links.map((link) => (
            <FactorLinkItem
              key={`${link.id}-${link.version}`}
              link={link}
              factorHref={`${team}/factors/${link.factorId}`}
              canEdit={canEdit}
              update={updateLinkAction.bind(null, slug, incident.number)}
              unlink={unlinkFactorAction.bind(null, slug, incident.number)}
            />
          ))}
        </ul>
      )}
      {canEdit ? <FactorLinkForm action={linkFactorAction.bind(null, slug, incident.number)} suggest={suggestFactorsAction.bind(null, slug)} /> : null}
    </>
  );
}
