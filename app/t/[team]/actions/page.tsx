import type { Metadata } from 'next';
import Link from 'next/link';
import { BoardFilters } from '@/components/actions/board-filters';
import { boardHref, boardQuery, isBoardFiltered } from '@/components/actions/board-href';
import { BoardTable } from '@/components/actions/board-table';
import { BulkStatusForm } from '@/components/actions/bulk-status-form';
import styles from '@/components/actions/actions.module.css';
import { IncidentPager } from '@/components/incidents/incident-pager';
import { SECTIONS, teamSlugFromParam } from '@/components/shell/sections';
import { EmptyState } from '@/components/ui/empty-state';
import { ActionsIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { actionFormOptions, incidentOptions, listActions } from '@/lib/actions/queries';
import { parseActionFiltersLeniently, SORT_LABEL } from '@/lib/actions/schemas';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';

export const metadata: Metadata = { title: SECTIONS.actions.label };

type SearchParams = Record<string, string | string[] | undefined>;

/** The team's action board: every action of the incidents the reader may see, filtered, sorted and paged in the URL. */
export default async function ActionsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> }) {
  const slug = teamSlugFromParam((await params).team);
  const teamPath = `/t/${encodeURIComponent(slug)}`;
  const path = `${teamPath}/actions`;
  const actor = await pageActor(slug, path);
  const { filters, errors } = parseActionFiltersLeniently(await searchParams);
  const [list, options, incidents] = await Promise.all([listActions(actor, filters), actionFormOptions(actor), incidentOptions(actor)]);
  const zone = actor.team.timeZone;
  const filtered = isBoardFiltered(filters);
  const canBulk = roleAtLeast(actor.role, 'editor');
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.items.length - 1;
  const noun = list.total === 1 ? 'action' : 'actions';
  const exportQuery = boardQuery(filters, { page: 1 });
  return (
    <>
      <PageHeader title="Actions" description="Every remediation action of the team’s incidents, with its owner, due date and status, tracked until it is done." />
      <BoardFilters path={path} filters={filters} errors={errors} members={options.members} incidents={incidents} factors={options.factors} zone={zone} />
      {list.total === 0 ? (
        filtered ? (
          <EmptyState title="No actions match these filters" action={<Link href={path}>Clear filters</Link>}>
            <p>Remove a filter to see more.</p>
          </EmptyState>
        ) : (
          <EmptyState icon={<ActionsIcon size={20} />} title="No action items yet">
            <p>Actions are added on an incident’s Actions tab (or from one of its timeline entries); they all show up here.</p>
          </EmptyState>
        )
      ) : list.items.length === 0 ? (
        <EmptyState title="This page is past the end of the list" action={<Link href={boardHref(path, filters, { page: pages })}>Go to the last page</Link>}>
          <p>
            {list.total} {noun} match.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className={styles.summary} aria-live="polite">
            <span>
              {first === 1 && last === list.total ? `${list.total} ${noun}` : `${first}–${last} of ${list.total} ${noun}`}
              {filtered ? ' matching the filters' : ''}, {SORT_LABEL[list.sort]}.
            </span>
            <a href={`${path}/export${exportQuery ? `?${exportQuery}` : ''}`} download>
              Export these {list.total} as CSV
            </a>
          </p>
          {canBulk ? <BulkStatusForm slug={slug} /> : null}
          <BoardTable items={list.items} teamPath={teamPath} caption={`Actions, ${SORT_LABEL[list.sort]}, page ${list.page} of ${pages}`} selectable={canBulk} />
          <IncidentPager page={list.page} pages={pages} href={(page) => boardHref(path, filters, { page })} label="Action list pages" />
        </>
      )}
    </>
  );
}
