import type { Metadata } from 'next';
import Link from 'next/link';
import { formatInZone, displayZone } from '@/components/incidents/format';
import { teamSlugFromParam } from '@/components/shell/sections';
import styles from '@/components/meetings/meetings.module.css';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { PageLink } from '@/components/ui/page-link';
import { listMeetings } from '@/lib/meetings/queries';
import { meetingPageSchema } from '@/lib/meetings/schemas';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';

export const metadata: Metadata = { title: 'Review meetings' };

/** The team's review meetings, newest first, with what each produced. */
export default async function MeetingsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const slug = teamSlugFromParam((await params).team);
  const base = `/t/${encodeURIComponent(slug)}/review/meetings`;
  const actor = await pageActor(slug, base);
  const list = await listMeetings(actor, meetingPageSchema.parse((await searchParams).page));
  const { zone } = displayZone(actor.user.timeZone, actor.team.timeZone);
  const canStart = roleAtLeast(actor.role, 'editor');
  const running = list.rows.find((r) => r.status === 'in_progress');
  return (
    <>
      <PageHeader title="Review meetings" description={`Every weekly review: who came, what was decided, which actions came out of it. Times in ${zone}.`} />
      <p className={styles.toolbar}>
        {running ? (
          <Link href={`${base}/${running.id}`} className="button button-primary">
            Join the meeting in progress
          </Link>
        ) : canStart ? (
          <Link href={`${base}/new`} className="button button-primary">
            Start a meeting
          </Link>
        ) : null}
        <Link href={`/t/${encodeURIComponent(slug)}/review`}>Agenda</Link>
      </p>
      {list.total === 0 ? (
        <EmptyState title="No review meetings yet">
          <p>{canStart ? 'Start one to work through the agenda together; its record and minutes appear here.' : 'Editors start review meetings; their records appear here.'}</p>
        </EmptyState>
      ) : (
        <>
          <table className={styles.table}>
            <caption className="visually-hidden">Review meetings, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Held</th>
                <th scope="col">Status</th>
                <th scope="col">Facilitator</th>
                <th scope="col" className={styles.num}>Attendees</th>
                <th scope="col" className={styles.num}>Items reached</th>
                <th scope="col" className={styles.num}>Carried over</th>
                <th scope="col" className={styles.num}>Notes</th>
                <th scope="col" className={styles.num}>Decisions</th>
                <th scope="col" className={styles.num}>Actions</th>
                <th scope="col" className={styles.num}>Incidents reviewed</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`${base}/${r.id}`}>{formatInZone(new Date(r.heldAt), zone)}</Link>
                  </td>
                  <td>{r.status === 'in_progress' ? 'In progress' : 'Ended'}</td>
                  <td>{r.facilitatorName ?? '—'}</td>
                  <td className={styles.num}>{r.attendees}</td>
                  <td className={styles.num}>
                    {r.discussed} of {r.items}
                  </td>
                  <td className={styles.num}>{r.carriedOver}</td>
                  <td className={styles.num}>{r.notes}</td>
                  <td className={styles.num}>{r.decisions}</td>
                  <td className={styles.num}>{r.actions}</td>
                  <td className={styles.num}>{r.incidentsReviewed}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className={styles.pager} aria-label="Pages of meetings">
            <PageLink href={list.page > 1 ? `${base}?page=${list.page - 1}` : null} rel="prev">
              Newer
            </PageLink>
            <span>
              Page {list.page} of {list.pages} ({list.total} {list.total === 1 ? 'meeting' : 'meetings'})
            </span>
            <PageLink href={list.page < list.pages ? `${base}?page=${list.page + 1}` : null} rel="next">
              Older
            </PageLink>
          </nav>
        </>
      )}
    </>
  );
}
