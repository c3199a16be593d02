import type { ReactNode } from 'react';
import { Brand } from '@/components/shell/brand';
import styles from '@/components/shell/shell.module.css';

/**
 * The frame of pages outside a team (home, sign-in, account, not found, errors): a header with
 * the product name (and, for a signed-in user, their links on the right) and the main landmark.
 * No section navigation: there is no team to navigate yet.
 */
export function SiteFrame({ children, headerEnd }: { children: ReactNode; headerEnd?: ReactNode }) {
  return (
    <>
      <header className={styles.siteHeader} data-print="hide">
        <div className={styles.siteHeaderInner}>
          <Brand />
          {headerEnd ? <div className={styles.siteHeaderEnd}>{headerEnd}</div> : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className={styles.siteMain}>
        {children}
      </main>
    </>
  );
}
