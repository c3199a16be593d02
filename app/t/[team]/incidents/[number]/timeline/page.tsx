import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { incidentRef, displayZone } from '@/components/incidents/format';
import { TimelineEditor } from '@/components/timeline/timeline-editor';
import { AppError } from '@/lib/errors';
import { getIncidentHeader, parseIncidentNumber } from '@/lib/incidents/detail';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';
import { listTimeline } from '@/lib/timeline/queries';

export const metadata: Metadata = { title: 'Timeline' };

type Params = Promise<{ team: string; number: string }>;

export default async function TimelinePage({ params }: { params: Params }) {
  const { team, number: segment } = await params;
  const actor = await pageActor(team, `/t/${team}/incidents/${segment}/timeline`);
  const number = parseIncidentNumber(segment);
  let incident;
  try {
    incident = await getIncidentHeader(actor, number);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const events = await listTimeline(actor, incident.id);
  const { zone } = displayZone(actor.user.timeZone, actor.team.timeZone);
  const canEdit = roleAtLeast(actor.role, 'editor') && incident.postmortemStatus !== 'published';
  return (
    <>
      {incident.postmortemStatus === 'published' ? (
        <p role="note">The post-mortem of {incidentRef(incident.number)} is published: its timeline is read-only.</p>
      ) : null}
      <TimelineEditor slug={actor.teamSlug} number={incident.number} startedAt={incident.startedAt.toISOString()} zone={zone} canEdit={canEdit} canCreateActions={roleAtLeast(actor.role, 'editor')} events={events} />
    </>
  );
}
