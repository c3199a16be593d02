import type { Metadata } from 'next';
import Link from 'next/link';
import tables from '@/components/audit/data-table.module.css';
import { FactorCreateForm } from '@/components/factors/factor-create-form';
import styles from '@/components/factors/factors.module.css';
import { CATEGORY_OPTIONS } from '@/components/factors/labels';
import { Field, SelectField } from '@/components/forms/fields';
import { SECTIONS, teamSlugFromParam } from '@/components/shell/sections';
import { EmptyState } from '@/components/ui/empty-state';
import { FactorsIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { PageLink } from '@/components/ui/page-link';
import { listCatalog } from '@/lib/factors/queries';
import { CATEGORY_LABEL, catalogQuerySchema, MAX_NAME_LENGTH } from '@/lib/factors/schemas';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';
import { createFactorAction } from './actions';

export const metadata: Metadata = { title: SECTIONS.factors.label };

const PAGE_SIZE = 50;
type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The team's catalog of contributing factors: search (fuzzy), category filter, archived toggle, counts, create. */
export default async function FactorsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> }) {
  const slug = teamSlugFromParam((await params).team);
  const path = `/t/${encodeURIComponent(slug)}/factors`;
  const actor = await pageActor(slug, path);
  const raw = await searchParams;
  const parsed = catalogQuerySchema.safeParse({ q: one(raw.q) || undefined, category: one(raw.category) || undefined, includeArchived: one(raw.archived) === 'true' ? 'true' : undefined });
  const query = parsed.success ? parsed.data : { q: undefined, category: undefined, includeArchived: false };
  const factors = await listCatalog(actor, { q: query.q, category: query.category, includeArchived: query.includeArchived ? 'true' : undefined });
  const page = Math.max(1, Number.parseInt(one(raw.page) ?? '1', 10) || 1);
  const pages = Math.max(1, Math.ceil(factors.length / PAGE_SIZE));
  const shown = factors.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const filtered = Boolean(query.q || query.category || query.includeArchived);
  const hrefFor = (p: number) => {
    const sp = new URLSearchParams();
    if (query.q) sp.set('q', query.q);
    if (query.category) sp.set('category', query.category);
    if (query.includeArchived) sp.set('archived', 'true');
    if (p > 1) sp.set('page', String(p));
    return `${path}${sp.size ? `?${sp}` : ''}`;
  };
  return (
    <>
      <PageHeader title="Contributing factors" description="The systemic conditions behind the team’s incidents: what they are, how often they contribute, and what is being done about them." />
      <div className={styles.toolbar}>
        <Link href={`${path}/recurring`} className="button">
          Recurring factors
        </Link>
      </div>
      {roleAtLeast(actor.role, 'editor') ? <FactorCreateForm action={createFactorAction.bind(null, slug)} /> : null}
      <form key={JSON.stringify(query)} method="get" action={path} className={styles.filters} role="search" aria-label="Filter factors">
        <Field label="Search" name="q" id="factor-q" type="search" defaultValue={query.q ?? ''} maxLength={MAX_NAME_LENGTH} hint="Finds near matches and typos too." />
        <SelectField label="Category" name="category" id="factor-category" defaultValue={query.category ?? ''} options={[{ value: '', label: 'All categories' }, ...CATEGORY_OPTIONS]} />
        <label className={styles.filterCheck}>
          <input type="checkbox" name="archived" value="true" defaultChecked={query.includeArchived} />
          Show archived
        </label>
        <div className={styles.filterSubmit}>
          <button type="submit" className="button">
            Apply
          </button>
        </div>
      </form>
      {factors.length === 0 ? (
        filtered ? (
          <EmptyState title="No factors match" action={<Link href={path}>Clear filters</Link>}>
            <p>Try other words or another category{query.includeArchived ? '' : ', or show archived factors'}.</p>
          </EmptyState>
        ) : (
          <EmptyState icon={<FactorsIcon size={20} />} title="No contributing factors yet">
            <p>Factors are the systemic conditions that let an incident happen or made it worse. Add them here, or link them from an incident’s Factors tab.</p>
          </EmptyState>
        )
      ) : (
        <>
          <p className={styles.muted} aria-live="polite">
            {factors.length} {factors.length === 1 ? 'factor' : 'factors'}
            {query.q ? `, best match first` : ''}. Counts include only incidents you can see.
          </p>
          <div className={tables.wrap}>
            <table className={tables.table}>
              <caption className="visually-hidden">Contributing factors</caption>
              <thead>
                <tr>
                  <th scope="col">Factor</th>
                  <th scope="col">Category</th>
                  <th scope="col" className={styles.numeric}>
                    Incidents
                  </th>
                  <th scope="col" className={styles.numeric}>
                    Open actions
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      <Link href={`${path}/${f.id}`}>{f.name}</Link> {f.archived ? <span className={styles.badge}>archived</span> : null}
                      {f.description ? <div className={styles.rowNote}>{f.description}</div> : null}
                    </th>
                    <td>{CATEGORY_LABEL[f.category]}</td>
                    <td className={styles.numeric}>{f.incidentCount}</td>
                    <td className={styles.numeric}>{f.openActionCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav aria-label="Pages" className={styles.toolbar}>
              <PageLink href={page > 1 ? hrefFor(page - 1) : null} rel="prev">
                Previous
              </PageLink>
              <span className={styles.muted}>
                Page {page} of {pages}
              </span>
              <PageLink href={page < pages ? hrefFor(page + 1) : null} rel="next">
                Next
              </PageLink>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
