import type { Metadata } from 'next';
import Link from 'next/link';
import { teamSlugFromParam } from '@/components/shell/sections';
import { StartMeetingForm } from '@/components/meetings/start-meeting-form';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { activeMeetingId } from '@/lib/meetings/meeting';
import { meetingMembers } from '@/lib/meetings/queries';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';

export const metadata: Metadata = { title: 'Start a review meeting' };

/** Start the weekly review: attendees (me ticked), facilitator (me by default). */
export default async function NewMeetingPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const base = `/t/${encodeURIComponent(slug)}/review/meetings`;
  const actor = await pageActor(slug, `${base}/new`);
  const [members, running] = await Promise.all([meetingMembers(actor), activeMeetingId(actor)]);
  return (
    <>
      <PageHeader title="Start a review meeting" description="Starting snapshots the agenda (incidents, reviews, actions and factors of the period) so the meeting works through a fixed list." />
      {running ? (
        <EmptyState title="A meeting is already in progress" action={<Link href={`${base}/${running}`}>Join it</Link>}>
          <p>One review meeting runs at a time; end it before starting another.</p>
        </EmptyState>
      ) : !roleAtLeast(actor.role, 'editor') ? (
        <EmptyState title="Editors start review meetings">
          <p>Your role ({actor.role}) can join and read meetings; ask an editor or admin to start one.</p>
        </EmptyState>
      ) : (
        <StartMeetingForm slug={actor.teamSlug} members={members} me={actor.user.id} />
      )}
      <p>
        <Link href={base}>Past meetings</Link>
      </p>
    </>
  );
}
