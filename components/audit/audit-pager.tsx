import { PageLink } from '@/components/ui/page-link';
import ui from '@/components/ui/ui.module.css';

/** Previous (newer) and Next (older) pages; the current filters are kept in both links. */
export function AuditPager({ newerHref, olderHref }: { newerHref: string | null; olderHref: string | null }) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label="Audit log pages" className={ui.pager}>
      <PageLink href={newerHref} rel="prev">
        ← Previous (newer)
      </PageLink>
      <PageLink href={olderHref} rel="next">
        Next (older) →
      </PageLink>
    </nav>
  );
}
