import Link from 'next/link';
import type { ReactNode } from 'react';
import { ActionCreateForm } from '@/components/actions/action-create-form';
import type { ActionOptions } from '@/components/actions/action-fields';
import { ActionStatusBadge, DueDate } from '@/components/actions/badges';
import { StatusForm } from '@/components/actions/status-form';
import { formatInZone } from '@/components/incidents/format';
import type { NoteView } from '@/lib/meetings/notes';
import type { MeetingItemView, MeetingView } from '@/lib/meetings/queries';
import { DueDateForm, ItemStatusButton, MarkReviewedButton } from './item-controls';
import { NoteEntry } from './note-entry';
import { NoteForm } from './note-form';
import { groupItems } from '@/lib/meetings/sections';
import styles from './meetings.module.css';

export interface MeetingItemsProps {
  slug: string;
  meeting: MeetingView;
  zone: string;
  userId: string;
  canCreateActions: boolean;
  /** Action form options per incident id (members, factors, that incident's timeline). */
  options: Record<string, ActionOptions>;
}

const STATUS_TEXT = { pending: 'Not reached yet', discussed: 'Discussed', carried_over: 'Carried over' } as const;

export function NoteList({ slug, notes, zone, userId, editable }: { slug: string; notes: NoteView[]; zone: string; userId: string; editable: boolean }) {
  if (!notes.length) return null;
  return (
    <ul className={styles.notes}>
      {notes.map((n) => (
        <NoteEntry key={`${n.id}:${n.version}`} slug={slug} note={n} mine={n.authorId === userId} editable={editable} time={formatInZone(new Date(n.createdAt), zone)} />
      ))}
    </ul>
  );
}

/** The incident an action created from this item belongs to. */
function actionIncident(item: MeetingItemView): { id: string; number: number } | null {
  if (item.incident) return { id: item.incident.id, number: item.incident.number };
  if (item.action) return { id: item.action.incident.id, number: item.action.incident.number };
  return null;
}

function Item({ item, current, props }: { item: MeetingItemView; current: boolean; props: MeetingItemsProps }) {
  const { slug, meeting, zone, userId, canCreateActions, options } = props;
  const live = meeting.canTakePart;
  const incident = actionIncident(item);
  const badgeClass = item.status === 'discussed' ? `${styles.badge} ${styles.badgeDone}` : item.status === 'carried_over' ? `${styles.badge} ${styles.badgeCarried}` : styles.badge;
  let extra: ReactNode = null;
  if (item.action) {
    extra = (
      <p className={styles.detail}>
        <ActionStatusBadge status={item.action.status} /> Owner: {item.action.owner?.name ?? 'none'} · Due: <DueDate dueDate={item.action.dueDate} daysOverdue={item.action.daysOverdue} />
      </p>
    );
  }
  return (
    <li id={`item-${item.id}`} className={`${styles.item} ${current ? styles.current : ''} ${item.status === 'discussed' ? styles.discussedItem : ''}`} aria-current={current ? 'step' : undefined}>
      <div className={styles.itemHead}>
        <h3>{item.href ? <Link href={item.href}>{item.title}</Link> : item.title}</h3>
        <span className={badgeClass}>{STATUS_TEXT[item.status]}</span>
        {item.carriedOver ? <span className={`${styles.badge} ${styles.badgeCarried}`}>From the last meeting</span> : null}
        {item.incident?.reviewedAt ? <span className={`${styles.badge} ${styles.badgeDone}`}>Reviewed</span> : null}
        {current ? <span className={styles.muted}>(current item)</span> : null}
      </div>
      {item.detail ? <p className={styles.detail}>{item.detail}</p> : null}
      {extra}
      <NoteList slug={slug} notes={item.notes} zone={zone} userId={userId} editable={live} />
      {live ? (
        <div data-print="hide">
          <NoteForm slug={slug} meetingId={meeting.id} itemId={item.id} label={`Note or decision on ${item.title}`} />
          <div className={styles.controls}>
            <ItemStatusButton slug={slug} item={item} />
            {item.incident && !item.incident.reviewedAt ? <MarkReviewedButton slug={slug} meetingId={meeting.id} incident={item.incident} /> : null}
            {item.action ? <StatusForm slug={slug} action={item.action} /> : null}
            {item.action && canCreateActions ? <DueDateForm slug={slug} action={item.action} /> : null}
          </div>
          {incident && canCreateActions && options[incident.id] ? (
            <details className={styles.createAction}>
              <summary>Create action on INC-{incident.number}</summary>
              <ActionCreateForm slug={slug} incident={incident} options={options[incident.id]!} zone={zone} meetingId={meeting.id} />
            </details>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The meeting's agenda items grouped by section, in agenda order; the first pending item is the current one. */
export function MeetingItems(props: MeetingItemsProps) {
  const currentId = props.meeting.status === 'in_progress' ? props.meeting.items.find((i) => i.status === 'pending')?.id : undefined;
  return (
    <>
      {groupItems(props.meeting.items).map((section) => (
        <section key={`${section.kind}-${section.items[0]!.id}`} className={styles.section} aria-labelledby={`section-${section.items[0]!.id}`}>
          <h2 id={`section-${section.items[0]!.id}`}>{section.title}</h2>
          <ol className={styles.items}>
            {section.items.map((item) => (
              <Item key={item.id} item={item} current={item.id === currentId} props={props} />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
