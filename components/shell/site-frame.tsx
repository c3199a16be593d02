import type { ReactNode } from 'react';
import { Brand } from '@/components/shell/brand';
import styles from '@/components/shell/shell.module.css';

/**
 * The frame of pages outside a team (home, not found, errors): a header with the product name
 * and the main landmark. No navigation: there is no team to navigate yet.
 */
export function SiteFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <header className={styles.siteHeader}>
        <div className={styles.siteHeaderInner}>
          <Brand />
        </div>
      </header>
      <main id="main" tabIndex={-1} className={styles.siteMain}>
        {children}
      </main>
    </>
  );
}
