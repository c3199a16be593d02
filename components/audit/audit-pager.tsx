import Link from 'next/link';
import styles from './audit.module.css';

function PageLink({ href, rel, children }: { href: string | null; rel: 'prev' | 'next'; children: string }) {
  if (!href)
    return (
      <span className={`button ${styles.pagerDisabled}`} aria-disabled="true">
        {children}
      </span>
    );
  return (
    <Link href={href} rel={rel} className="button">
      {children}
    </Link>
  );
}

/** Previous (newer) and Next (older) pages; the current filters are kept in both links. */
export function AuditPager({ newerHref, olderHref }: { newerHref: string | null; olderHref: string | null }) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label="Audit log pages" className={styles.pager}>
      <PageLink href={newerHref} rel="prev">
        ← Previous (newer)
      </PageLink>
      <PageLink href={olderHref} rel="next">
        Next (older) →
      </PageLink>
    </nav>
  );
}
