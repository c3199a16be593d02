import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/actions/actions.module.css';
import { SelectField } from '@/components/forms/fields';
import { MyActionList } from '@/components/actions/my-action-list';
import { IncidentPager } from '@/components/incidents/incident-pager';
import { SignedInHeader } from '@/components/shell/signed-in-header';
import { SiteFrame } from '@/components/shell/site-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listMyActions } from '@/lib/actions/my-actions';
import { requirePageUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'My actions' };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The signed-in user's own action items across all their teams, open and in progress first. */
export default async function MyActionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('/actions');
  const sp = await searchParams;
  const includeClosed = first(sp.show) === 'all';
  const page = Number.parseInt(first(sp.page) ?? '1', 10);
  const mine = await listMyActions(user.id, { team: first(sp.team) ?? null, page: Number.isFinite(page) && page > 0 ? page : 1, includeClosed });
  const href = (change: { team?: string | null; show?: string; page?: number }) => {
    const q = new URLSearchParams();
    const team = change.team === undefined ? mine.team : change.team;
    const show = change.show ?? (includeClosed ? 'all' : 'open');
    if (team) q.set('team', team);
    if (show === 'all') q.set('show', 'all');
    if (change.page && change.page > 1) q.set('page', String(change.page));
    const query = q.toString();
    return query ? `/actions?${query}` : '/actions';
  };
  return (
    <SiteFrame headerEnd={<SignedInHeader name={user.name} current="actions" />}>
      <PageHeader title="My actions" description="The action items you own, in every team you belong to: open and in progress first, soonest due first." />
      <form method="get" action="/actions" className={styles.filters} aria-label="Filter my actions">
        <SelectField label="Team" name="team" id="my-team" defaultValue={mine.team ?? ''} options={[{ value: '', label: 'All my teams' }, ...mine.teams.map((t) => ({ value: t.slug, label: t.name }))]} />
        <label className={styles.check}>
          <input type="checkbox" name="show" value="all" defaultChecked={includeClosed} />
          Include done and won’t do
        </label>
        <div className={styles.filterActions}>
          <button type="submit" className="button">
            Show
          </button>
        </div>
      </form>
      {mine.total === 0 ? (
        <EmptyState title={includeClosed ? 'You own no action items' : 'Nothing open for you'}>
          <p>{includeClosed ? 'Actions assigned to you on any team’s incidents show up here.' : 'You have no open or in-progress actions.'}</p>
          {!includeClosed ? <Link href={href({ show: 'all' })}>Show done and won’t do too</Link> : null}
        </EmptyState>
      ) : (
        <>
          <p className={styles.summary} aria-live="polite">
            {mine.total} {mine.total === 1 ? 'action' : 'actions'}
            {includeClosed ? '' : ' open or in progress'}. Overdue is judged in each team’s time zone.
          </p>
          <MyActionList items={mine.items} />
          <IncidentPager page={mine.page} pages={mine.pages} href={(page) => href({ page })} label="My actions pages" />
        </>
      )}
    </SiteFrame>
  );
}
