import type { Metadata } from 'next';
import Link from 'next/link';
import { displayZone } from '@/components/incidents/format';
import { IncidentFilterBar } from '@/components/incidents/incident-filters';
import { IncidentPager } from '@/components/incidents/incident-pager';
import { IncidentTable } from '@/components/incidents/incident-table';
import styles from '@/components/incidents/incidents.module.css';
import { isFiltered, listHref } from '@/components/incidents/list-href';
import { NextReview } from '@/components/meetings/next-review';
import { SECTIONS, teamSlugFromParam } from '@/components/shell/sections';
import { EmptyState } from '@/components/ui/empty-state';
import { IncidentsIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { countVisibleIncidents, listIncidents, listServiceNames } from '@/lib/incidents/queries';
import { parseFiltersLeniently, type IncidentSort } from '@/lib/incidents/schemas';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';

export const metadata: Metadata = { title: SECTIONS.incidents.label };

type SearchParams = Record<string, string | string[] | undefined>;

const SORT_LABEL: Record<IncidentSort, string> = {
  relevance: 'best match',
  started_desc: 'newest first',
  started_asc: 'oldest first',
  severity: 'severity, SEV1 first',
  ttr: 'longest time to resolve first',
};

export default async function IncidentsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> }) {
  const slug = teamSlugFromParam((await params).team);
  const path = `/t/${encodeURIComponent(slug)}/incidents`;
  const actor = await pageActor(slug, path);
  const { filters, errors } = parseFiltersLeniently(await searchParams);
  const { zone, source } = displayZone(actor.user.timeZone, actor.team.timeZone);
  const [list, services] = await Promise.all([listIncidents(actor, filters, { timeZone: zone }), listServiceNames(actor)]);
  const filtered = isFiltered(filters);
  const header = (
    <>
      <PageHeader title="Incidents" description="The team’s incidents and drills, with post-mortem status and time to resolve." />
      <NextReview actor={actor} base={`/t/${encodeURIComponent(slug)}`} />
      {roleAtLeast(actor.role, 'editor') ? (
        <p>
          <Link href={`${path}/new`} className="button button-primary">
            New incident
          </Link>{' '}
          <Link href={`${path}/import`} className="button">
            Import from CSV
          </Link>
        </p>
      ) : null}
    </>
  );

  if (list.total === 0 && (!filtered || (await countVisibleIncidents(actor)) === 0)) {
    return (
      <>
        {header}
        <EmptyState icon={<IncidentsIcon size={20} />} title="No incidents yet">
          <p>This team has no incidents or drills you can see. Once the team records them, they are listed here with their severity, status and time to resolve.</p>
        </EmptyState>
      </>
    );
  }

  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.items.length - 1;
  const noun = list.total === 1 ? 'incident' : 'incidents';
  return (
    <>
      {header}
      <IncidentFilterBar path={path} filters={filters} errors={errors} services={services} zone={zone} />
      {list.total === 0 ? (
        <EmptyState title="No incidents match these filters" action={<Link href={path}>Clear filters</Link>}>
          <p>{filters.q ? 'Try other words, fewer filters, or a wider date range.' : 'Widen the date range or remove a filter.'}</p>
        </EmptyState>
      ) : list.items.length === 0 ? (
        <EmptyState title="This page is past the end of the list" action={<Link href={listHref(path, filters, { page: pages })}>Go to the last page</Link>}>
          <p>
            {list.total} {noun} match, {pages} {pages === 1 ? 'page' : 'pages'} in all.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className={styles.summary} aria-live="polite">
            <span>
              {first === 1 && last === list.total ? `${list.total} ${noun}` : `${first}–${last} of ${list.total} ${noun}`}
              {filtered ? ' matching the filters' : ''}, {SORT_LABEL[list.sort]}.
            </span>
            {filters.q && list.sort !== 'relevance' ? <Link href={listHref(path, filters, { sort: 'relevance', page: 1 })}>Sort by best match</Link> : null}
            <span>
              Times in {zone}
              {source === 'user' ? ' (your time zone)' : source === 'team' ? ' (the team’s time zone)' : ''}; hover for UTC.
            </span>
          </p>
          <IncidentTable items={list.items} path={path} filters={filters} sort={list.sort} zone={zone} caption={`Incidents, ${SORT_LABEL[list.sort]}, page ${list.page} of ${pages}`} />
          <IncidentPager page={list.page} pages={pages} href={(page) => listHref(path, filters, { page })} />
        </>
      )}
    </>
  );
}
