import type { Metadata } from 'next';
import Link from 'next/link';
import { displayZone, formatInZone } from '@/components/incidents/format';
import { AgendaView } from '@/components/meetings/agenda-view';
import styles from '@/components/meetings/agenda.module.css';
import '@/components/meetings/agenda-print.css';
import { SECTIONS, teamSlugFromParam } from '@/components/shell/sections';
import { PageHeader } from '@/components/ui/page-header';
import { agendaItemCount, buildAgenda, inProgressMeeting } from '@/lib/meetings/agenda';
import { formatReviewTime, nextReview } from '@/lib/meetings/cadence';
import { getCadence } from '@/lib/meetings/cadence-store';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';

export const metadata: Metadata = { title: SECTIONS.review.label };

/** The weekly review's agenda: what happened since the last meeting, with links, ready to run or export. */
export default async function ReviewPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const base = `/t/${encodeURIComponent(slug)}`;
  const actor = await pageActor(slug, `${base}/review`);
  const { zone } = displayZone(actor.user.timeZone, actor.team.timeZone);
  const now = new Date();
  const [agenda, running, cadence] = await Promise.all([
    buildAgenda(actor, { now }),
    inProgressMeeting(actor),
    getCadence(actor),
  ]);
  const next = nextReview(cadence, now);
  const count = agendaItemCount(agenda);
  return (
    <>
      <PageHeader
        title="Weekly review agenda"
        description={`What to go through in ${actor.team.name}’s next review: ${count} ${count === 1 ? 'item' : 'items'}. Only incidents you can see are listed.`}
      />
      {running ? (
        <div className={styles.banner} role="status" data-print="hide">
          <p>
            A review meeting is in progress (started {formatInZone(running.heldAt, zone)}).
          </p>
          <Link href={`${base}/review/meetings/${running.id}`} className="button button-primary">
            Join the meeting
          </Link>
        </div>
      ) : null}
      <p className={styles.period}>
        Period: {formatInZone(agenda.periodStart, zone)} to {formatInZone(agenda.periodEnd, zone)} ({zone}). Next review:{' '}
        {formatReviewTime(next, cadence.timeZone)} ({cadence.timeZone}).
      </p>
      <div className={styles.toolbar} data-print="hide">
        {running ? null : roleAtLeast(actor.role, 'editor') ? (
          <Link href={`${base}/review/meetings/new`} className="button button-primary">
            Start meeting
          </Link>
        ) : (
          <span className={styles.count}>Editors and admins start the meeting.</span>
        )}
        <a href={`${base}/review/agenda.md`} className="button" download>
          Export as Markdown
        </a>
        <Link href={`${base}/review/meetings`}>Past meetings</Link>
      </div>
      <AgendaView agenda={agenda} />
    </>
  );
}
