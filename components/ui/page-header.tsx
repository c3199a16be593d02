import type { ReactNode } from 'react';
import styles from '@/components/ui/ui.module.css';

/** The heading block at the top of a page: the page's one h1 and an optional lead sentence. */
export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <div className={styles.pageHeader}>
      <h1 className={styles.pageTitle}>{title}</h1>
      {description ? <p className={styles.pageDescription}>{description}</p> : null}
    </div>
  );
}
