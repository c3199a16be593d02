import type { ReactNode } from 'react';
import { Sidebar, type ShellProps } from '@/components/shell/sidebar';
import styles from '@/components/shell/shell.module.css';

/**
 * The frame of every team page: sidebar (or compact top bar) with the team switcher, navigation
 * and user area, and the main landmark the skip link points at. Server component; only the
 * sidebar is interactive.
 */
export function AppShell({ children, ...shell }: ShellProps & { children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <Sidebar {...shell} />
      <main id="main" tabIndex={-1} className={styles.main}>
        <div className={styles.content}>{children}</div>
      </main>
    </div>
  );
}
