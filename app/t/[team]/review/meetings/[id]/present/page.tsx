import type { Metadata } from 'next';
import Link from 'next/link';
import { PresenterKeys } from '@/components/meetings/presenter-keys';
import styles from '@/components/meetings/meetings.module.css';
import { sectionTitle } from '@/lib/meetings/sections';
import { loadMeetingPage, type MeetingParams } from '../../load';

export const metadata: Metadata = { title: 'Presenter mode' };

/**
 * Presenter mode: one agenda item at a time, full screen over the app shell, large type and high
 * contrast, for the shared screen. No editing here; ?item=N (1-based) is the item shown.
 */
export default async function PresentPage({ params, searchParams }: { params: MeetingParams; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { meeting, href } = await loadMeetingPage(params, '/present');
  const count = meeting.items.length;
  const raw = Number((await searchParams).item);
  const index = count === 0 ? 0 : Number.isInteger(raw) ? Math.min(Math.max(1, raw), count) : 1;
  const item = meeting.items[index - 1];
  const link = (n: number, label: string, rel: string) =>
    n >= 1 && n <= count && n !== index ? (
      <Link href={`${href}/present?item=${n}`} rel={rel} replace scroll={false}>
        {label}
      </Link>
    ) : (
      <span className="disabled" aria-disabled="true">
        {label}
      </span>
    );
  return (
    <div className={styles.present} role="region" aria-label="Presenter mode" data-presenter>
      <div className={styles.presentTop}>
        <span>Weekly review{meeting.status === 'ended' ? ' (ended)' : ''}</span>
        <Link href={href}>Exit presenter mode</Link>
      </div>
      <div className={styles.presentMain} aria-live="polite">
        {item ? (
          <>
            <p className={styles.presentSection}>{sectionTitle(item.kind)}</p>
            <h1>
              {item.title}
              {item.carriedOver ? <span className={styles.presentBadge}>carried over</span> : null}
              {item.status === 'discussed' ? <span className={styles.presentBadge}>discussed</span> : null}
            </h1>
            {item.detail ? <p className={styles.presentDetail}>{item.detail}</p> : null}
            {item.action ? (
              <p className={styles.presentDetail}>
                Owner: {item.action.owner?.name ?? 'none'} · Due: {item.action.dueDate ?? 'no date'}
                {item.action.daysOverdue > 0 ? ` · ${item.action.daysOverdue} ${item.action.daysOverdue === 1 ? 'day' : 'days'} overdue` : ''}
              </p>
            ) : null}
            {item.notes.length ? (
              <ul className={styles.presentNotes} aria-label="Notes and decisions">
                {item.notes.map((n) => (
                  <li key={n.id}>
                    {n.kind === 'decision' ? <strong>Decision: </strong> : null}
                    {n.body}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <h1>The agenda is empty</h1>
        )}
      </div>
      <nav className={styles.presentNav} aria-label="Agenda items">
        {link(index - 1, '← Previous', 'prev')}
        <span>
          Item {index} of {count} · ←/→, Space, Page Up/Down, Home/End
        </span>
        {link(index + 1, 'Next →', 'next')}
      </nav>
      <PresenterKeys index={index} count={count} hrefFor={`${href}/present`} />
    </div>
  );
}
