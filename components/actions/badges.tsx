import { overdueLabel } from '@/lib/actions/overdue';
import { STATUS_LABEL, TYPE_LABEL, type ActionPriorityName, type ActionStatusName, type ActionTypeName } from '@/lib/actions/schemas';
import styles from './actions.module.css';

export function PriorityBadge({ priority }: { priority: ActionPriorityName }) {
  return (
    <span className={`${styles.badge} ${styles[priority] ?? ''}`}>
      <span className="visually-hidden">Priority </span>
      {priority}
    </span>
  );
}

export function ActionStatusBadge({ status }: { status: ActionStatusName }) {
  return <span className={`${styles.badge} ${styles[status] ?? ''}`}>{STATUS_LABEL[status]}</span>;
}

export function TypeText({ type }: { type: ActionTypeName }) {
  return <>{TYPE_LABEL[type]}</>;
}

/** "12 Mar 2026" for a calendar day (no time zone: it is a day, not an instant). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** The due day, and "N days overdue" under it when it has passed in the team's zone. */
export function DueDate({ dueDate, daysOverdue }: { dueDate: string | null; daysOverdue: number }) {
  if (!dueDate) return <span className={styles.sub}>No due date</span>;
  return (
    <>
      <time dateTime={dueDate}>{formatDay(dueDate)}</time>
      {daysOverdue > 0 ? <span className={styles.overdueBadge}>{overdueLabel(daysOverdue)}</span> : null}
    </>
  );
}
