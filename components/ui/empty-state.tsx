import type { ReactNode } from 'react';
import styles from '@/components/ui/ui.module.css';

interface EmptyStateProps {
  title: string;
  /** Decorative icon; rendered aria-hidden by the icon components. */
  icon?: ReactNode;
  /** A sentence or two of explanation. */
  children?: ReactNode;
  /** Optional call to action (a link or a button). */
  action?: ReactNode;
}

/** A bordered panel that says why there is nothing to show, and what to do about it if anything. */
export function EmptyState({ title, icon, children, action }: EmptyStateProps) {
  return (
    <div className={styles.emptyState}>
      {icon ? <div className={styles.emptyIcon}>{icon}</div> : null}
      <div className={styles.emptyBody}>
        <h2 className={styles.emptyTitle}>{title}</h2>
        {children ? <div className={styles.emptyText}>{children}</div> : null}
        {action ? <div className={styles.emptyAction}>{action}</div> : null}
      </div>
    </div>
  );
}
