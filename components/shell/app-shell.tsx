import type { ReactNode } from 'react';
import { Sidebar } from '@/components/shell/sidebar';
import styles from '@/components/shell/shell.module.css';

/**
 * The frame of every team page: sidebar (or compact top bar) navigation and the main landmark the
 * skip link points at. Server component; only the sidebar is interactive.
 */
export function AppShell({ teamSlug, children }: { teamSlug: string; children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <Sidebar teamSlug={teamSlug} />
      <main id="main" tabIndex={-1} className={styles.main}>
        <div className={styles.content}>{children}</div>
      </main>
    </div>
  );
}
