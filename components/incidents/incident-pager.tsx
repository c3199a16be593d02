import { PageLink } from '@/components/ui/page-link';
import ui from '@/components/ui/ui.module.css';
import styles from './incidents.module.css';

/** Previous / next page with "Page n of m"; the filters and the sort stay in both links. */
export function IncidentPager({ page, pages, href, label = 'Incident list pages' }: { page: number; pages: number; href: (page: number) => string; label?: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className={ui.pager}>
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
