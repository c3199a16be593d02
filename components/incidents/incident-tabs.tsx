'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './incident-page.module.css';

/** Overview / Timeline / Post-mortem / Actions of one incident; the current tab is marked for screen readers. */
export function IncidentTabs({ base }: { base: string }) {
  const pathname = usePathname();
  const tabs = [
    { href: base, label: 'Overview' },
    { href: `${base}/timeline`, label: 'Timeline' },
    { href: `${base}/postmortem`, label: 'Post-mortem' },
    { href: `${base}/actions`, label: 'Actions' },
    { href: `${base}/factors`, label: 'Factors' },
  ];
  return (
    <nav aria-label="Incident" className={styles.tabs} data-print="hide">
      <ul>
        {tabs.map((tab) => {
          const current = tab.href === base ? pathname === base || pathname === `${base}/edit` : pathname.startsWith(tab.href);
          return (
            <li key={tab.href}>
              <Link href={tab.href} aria-current={current ? 'page' : undefined} className={current ? styles.currentTab : styles.tab}>
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
