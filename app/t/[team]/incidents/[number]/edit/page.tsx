import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IncidentForm } from '@/components/incidents/incident-form';
import { incidentRef } from '@/components/incidents/format';
import { listServiceNames } from '@/lib/incidents/queries';
import { incidentFormDefaults } from '@/lib/incidents/incident-form-input';
import { roleAtLeast } from '@/lib/teams/access';
import { loadIncidentPage, zoneNote, type IncidentParams } from '../incident-page';
import { updateIncidentAction } from './actions';

export const metadata: Metadata = { title: 'Edit incident' };

/** The edit form at the incident's current version (viewers get the 404: there is nothing for them here). */
export default async function EditIncidentPage({ params }: { params: IncidentParams }) {
  const { actor, incident, zone, slug, href } = await loadIncidentPage(params, '/edit');
  if (!roleAtLeast(actor.role, 'editor')) notFound();
  const services = await listServiceNames(actor);
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">Edit {incidentRef(incident.number)}</h2>
      <IncidentForm
        action={updateIncidentAction.bind(null, slug, incident.id)}
        zone={zone.zone}
        zoneNote={zoneNote(zone)}
        knownServices={services}
        defaults={incidentFormDefaults(incident, zone.zone)}
        version={incident.version}
        submitLabel="Save changes"
        cancelHref={href}
        reloadHref={`${href}/edit`}
      />
    </section>
  );
}
