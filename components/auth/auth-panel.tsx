import type { ReactNode } from 'react';
import styles from '@/components/auth/auth.module.css';

/** The narrow column of the sign-in and sign-up pages: the page's h1, a lead, the form, a footer line. */
export function AuthPanel({ title, lead, children, footer }: { title: string; lead?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className={styles.panel}>
      <div className={styles.panelHeader}>
        <h1 className={styles.title}>{title}</h1>
        {lead ? <p className={styles.lead}>{lead}</p> : null}
      </div>
      <div className={styles.card}>{children}</div>
      {footer ? <p className={styles.footer}>{footer}</p> : null}
    </div>
  );
}
