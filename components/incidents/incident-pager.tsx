import Link from 'next/link';
import audit from '@/components/audit/audit.module.css';
import styles from './incidents.module.css';

function PageLink({ href, rel, children }: { href: string | null; rel: 'prev' | 'next'; children: string }) {
  if (!href)
    return (
      <span className={`button ${audit.pagerDisabled}`} aria-disabled="true">
        {children}
      </span>
    );
  return (
    <Link href={href} rel={rel} className="button">
      {children}
    </Link>
  );
}

/** Previous / next page with "Page n of m"; the filters and the sort stay in both links. */
export function IncidentPager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Incident list pages" className={audit.pager}>
      <PageLink href={page > 1 ? href(Math.min(page - 1, pages)) : null} rel="prev">
        ← Previous
      </PageLink>
      <span className={styles.pageOf}>
        Page {page} of {pages}
      </span>
      <PageLink href={page < pages ? href(page + 1) : null} rel="next">
        Next →
      </PageLink>
    </nav>
  );
}
