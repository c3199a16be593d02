import type { Metadata } from 'next';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditPager } from '@/components/audit/audit-pager';
import { AuditTable } from '@/components/audit/audit-table';
import styles from '@/components/audit/audit.module.css';
import { teamSlugFromParam } from '@/components/shell/sections';
import { AdminOnly, unlessForbidden } from '@/components/tokens/admin-only';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { auditFilterOptions, listAudit } from '@/lib/audit/queries';
import { AUDIT_PAGE_SIZE, auditFiltersSchema } from '@/lib/audit/schemas';
import { pageActor } from '@/lib/teams/session-actor';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> }) {
  const slug = teamSlugFromParam((await params).team);
  const path = `/t/${encodeURIComponent(slug)}/settings/audit`;
  const actor = await pageActor(slug, path);
  const filters = auditFiltersSchema.parse(await searchParams);
  const loaded = await unlessForbidden(Promise.all([listAudit(actor, filters), auditFilterOptions(actor)]));
  const header = <PageHeader title="Audit log" description="Security events and changes on this team: who did what, when, from where." />;
  if (!loaded) {
    return (
      <>
        {header}
        <AdminOnly title="Only admins can see the audit log" />
      </>
    );
  }
  const [page, options] = loaded;
  const kept = new URLSearchParams();
  for (const key of ['action', 'actor', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) kept.set(key, value);
  }
  const href = (cursor: 'before' | 'after', value: string | null) => {
    if (!value) return null;
    const q = new URLSearchParams(kept);
    q.set(cursor, value);
    return `${path}?${q.toString()}`;
  };
  const filtered = kept.size > 0;
  return (
    <>
      {header}
      <AuditFilters path={path} filters={filters} options={options} />
      {page.rows.length ? (
        <>
          <p className={styles.summary} aria-live="polite">
            Showing {page.rows.length} {page.rows.length === 1 ? 'entry' : 'entries'}
            {filtered ? ' matching the filters' : ''}, newest first, {AUDIT_PAGE_SIZE} per page. Times are in your time zone; hover for UTC.
          </p>
          <AuditTable rows={page.rows} />
          <AuditPager newerHref={href('after', page.newer)} olderHref={href('before', page.older)} />
        </>
      ) : (
        <EmptyState title={filtered ? 'No entries match these filters' : 'No audit entries yet'}>
          <p>{filtered ? 'Widen the date range or clear a filter.' : 'Sign-ins, role changes, tokens and every change on this team will appear here.'}</p>
        </EmptyState>
      )}
    </>
  );
}
