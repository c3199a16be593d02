import Link from 'next/link';
import type { ActionView } from '@/lib/actions/schemas';
import { ActionEditForm } from './action-edit-form';
import type { ActionOptions } from './action-fields';
import { ActionStatusBadge, DueDate, PriorityBadge, TypeText } from './badges';
import { StatusForm } from './status-form';
import styles from './actions.module.css';

interface ListProps {
  slug: string;
  items: ActionView[];
  options: ActionOptions;
  zone: string;
  canEdit: boolean;
  /** The signed-in user (owners may change the status of their own actions). */
  userId: string;
  timelineHref: string;
}

/** One incident's actions as cards: status, priority, owner, due day (overdue in the team zone), inline status and edit. */
export function IncidentActionList({ slug, items, options, zone, canEdit, userId, timelineHref }: ListProps) {
  return (
    <ul className={styles.list} aria-label="Action items">
      {items.map((a) => (
        <li key={a.id} className={`${styles.card} ${a.daysOverdue > 0 ? styles.cardOverdue : ''}`}>
          <div className={styles.cardHead}>
            <h3 className={styles.cardTitle}>{a.title}</h3>
            <span>
              <PriorityBadge priority={a.priority} /> <ActionStatusBadge status={a.status} />
            </span>
          </div>
          <ul className={styles.meta}>
            <li>
              <TypeText type={a.type} />
            </li>
            <li>Owner: {a.owner ? a.owner.name : 'nobody yet'}</li>
            <li>
              Due: <DueDate dueDate={a.dueDate} daysOverdue={a.daysOverdue} />
            </li>
            {a.factor ? <li>Factor: {a.factor.name}</li> : null}
            {a.timelineEventId ? (
              <li>
                <Link href={`${timelineHref}#event-${a.timelineEventId}`}>From a timeline entry</Link>
              </li>
            ) : null}
            {a.ticketUrl ? (
              <li>
                <a href={a.ticketUrl} rel="noopener noreferrer nofollow" target="_blank">
                  Ticket<span className="visually-hidden"> for {a.title} (opens in a new tab)</span>
                </a>
              </li>
            ) : null}
            {a.completedAt ? <li>Completed {a.completedAt.slice(0, 10)}</li> : null}
          </ul>
          {a.description ? <p className={styles.description}>{a.description}</p> : null}
          {a.status === 'wont_do' && a.wontDoReason ? <p className={styles.description}>Won’t do: {a.wontDoReason}</p> : null}
          {canEdit || a.owner?.id === userId ? <StatusForm key={`status-${a.version}`} slug={slug} action={a} /> : null}
          {canEdit ? (
            <details className={styles.details}>
              <summary>
                Edit<span className="visually-hidden"> {a.title}</span>
              </summary>
              <ActionEditForm key={`edit-${a.version}`} slug={slug} action={a} options={options} zone={zone} />
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
