import Link from 'next/link';
import type { ActionProgress } from '@/lib/actions/queries';
import styles from './actions.module.css';

/** done / total with a bar, and how many are overdue (won't-do actions count as closed, not done). */
export function ActionProgressSummary({ progress, href }: { progress: ActionProgress; href?: string }) {
  if (progress.total === 0) {
    return (
      <p className={styles.progress}>
        No action items yet.{href ? <Link href={href}>Open the Actions tab</Link> : null}
      </p>
    );
  }
  const closed = progress.done + progress.wontDo;
  const percent = Math.round((closed / progress.total) * 100);
  return (
    <div className={styles.progress}>
      <span>
        <strong>
          {progress.done} of {progress.total}
        </strong>{' '}
        done{progress.wontDo ? `, ${progress.wontDo} won’t do` : ''}
      </span>
      <span className={styles.bar} role="img" aria-label={`${percent}% closed`}>
        <span className={styles.barFill} style={{ width: `${percent}%`, display: 'block' }} />
      </span>
      <span>{progress.active} open</span>
      {progress.overdue ? <span className={styles.overdueText}>{progress.overdue} overdue</span> : null}
      {href ? <Link href={href}>View actions</Link> : null}
    </div>
  );
}
