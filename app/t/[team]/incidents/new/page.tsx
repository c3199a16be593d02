import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { displayZone } from '@/components/incidents/format';
import { IncidentForm } from '@/components/incidents/incident-form';
import { teamSlugFromParam } from '@/components/shell/sections';
import { PageHeader } from '@/components/ui/page-header';
import { listServiceNames } from '@/lib/incidents/queries';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';
import { zoneNote } from '../[number]/incident-page';
import { createIncidentAction } from './actions';

export const metadata: Metadata = { title: 'Declare an incident' };

/** Declare an incident (editors and admins; the action checks again). */
export default async function NewIncidentPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const list = `/t/${encodeURIComponent(slug)}/incidents`;
  const actor = await pageActor(slug, `${list}/new`);
  if (!roleAtLeast(actor.role, 'editor')) notFound();
  const zone = displayZone(actor.user.timeZone, actor.team.timeZone);
  return (
    <>
      <PageHeader title="Declare an incident" description="Record what happened and when. Only the title, severity and start are needed now; fill in the rest as you learn it." />
      <IncidentForm
        action={createIncidentAction.bind(null, slug)}
        zone={zone.zone}
        zoneNote={zoneNote(zone)}
        knownServices={await listServiceNames(actor)}
        submitLabel="Declare incident"
        cancelHref={list}
      />
    </>
  );
}
