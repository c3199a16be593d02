import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import tables from '@/components/audit/data-table.module.css';
import { FactorArchiveForm, FactorEditForm, FactorMergeForm } from '@/components/factors/factor-manage';
import styles from '@/components/factors/factors.module.css';
import { ACTION_STATUS_LABEL } from '@/components/factors/labels';
import { OccurrenceChart } from '@/components/factors/occurrence-chart';
import { displayZone, formatInZone, incidentRef, utcTitle } from '@/components/incidents/format';
import { KIND_LABEL, SeverityBadge } from '@/components/incidents/incident-badges';
import { teamSlugFromParam } from '@/components/shell/sections';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { AppError } from '@/lib/errors';
import { getFactorDetail, listMergeTargets } from '@/lib/factors/queries';
import { CATEGORY_LABEL } from '@/lib/factors/schemas';
import type { IncidentKind, Severity } from '@/lib/generated/prisma/enums';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';
import { archiveFactorAction, mergeFactorAction, updateFactorAction } from './actions';

export const metadata: Metadata = { title: 'Contributing factor' };

type Params = Promise<{ team: string; id: string }>;

/** One factor: what it is, the incidents it contributed to (those the reader may see), its action items, and its monthly occurrences. */
export default async function FactorPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { team, id } = await params;
  const slug = teamSlugFromParam(team);
  const base = `/t/${encodeURIComponent(slug)}`;
  const actor = await pageActor(slug, `${base}/factors/${id}`);
  const { zone } = displayZone(actor.user.timeZone, actor.team.timeZone);
  let factor;
  try {
    factor = await getFactorDetail(actor, id, actor.team.timeZone || zone);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  // A merged factor lives on as its survivor.
  if (factor.mergedInto) redirect(`${base}/factors/${factor.mergedInto.id}?from=${encodeURIComponent(factor.name)}`);
  const sp = await searchParams;
  const from = typeof sp.from === 'string' ? sp.from : null;
  const canEdit = roleAtLeast(actor.role, 'editor');
  const isAdmin = roleAtLeast(actor.role, 'admin');
  const targets = isAdmin ? await listMergeTargets(actor, factor.id, factor.name) : [];
  return (
    <>
      <p className={styles.muted}>
        <Link href={`${base}/factors`}>Contributing factors</Link> / {CATEGORY_LABEL[factor.category]}
      </p>
      <PageHeader title={factor.name} description={factor.description || undefined} />
      {from ? <p role="status">“{from}” was merged into this factor; its incidents and action items are listed here.</p> : null}
      {sp.merged ? <p role="status">Merged. The links and action items now belong to this factor.</p> : null}
      <dl className={styles.toolbar}>
        <dt className="visually-hidden">Category</dt>
        <dd className={styles.badge}>{CATEGORY_LABEL[factor.category]}</dd>
        {factor.archived ? (
          <>
            <dt className="visually-hidden">State</dt>
            <dd className={styles.badge}>archived</dd>
          </>
        ) : null}
      </dl>
      {canEdit ? <FactorEditForm action={updateFactorAction.bind(null, slug)} factor={factor} /> : null}
      {isAdmin ? (
        <>
          <FactorMergeForm action={mergeFactorAction.bind(null, slug)} factor={factor} targets={targets} />
          <FactorArchiveForm action={archiveFactorAction.bind(null, slug)} factor={factor} />
        </>
      ) : null}

      <section className={styles.section} aria-labelledby="occurrences-heading">
        <h2 id="occurrences-heading">Occurrences</h2>
        <OccurrenceChart months={factor.months} zone={actor.team.timeZone || zone} factorName={factor.name} />
      </section>

      <section className={styles.section} aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">Incidents it contributed to</h2>
        {factor.incidents.length === 0 ? (
          <EmptyState title="Not linked to any incident you can see">
            <p>Link it from an incident’s Factors tab.</p>
          </EmptyState>
        ) : (
          <div className={tables.wrap}>
            <table className={tables.table}>
              <thead>
                <tr>
                  <th scope="col">Incident</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Started ({zone})</th>
                  <th scope="col">How it contributed</th>
                </tr>
              </thead>
              <tbody>
                {factor.incidents.map((i) => (
                  <tr key={i.number}>
                    <th scope="row">
                      <Link href={`${base}/incidents/${i.number}/factors`}>{incidentRef(i.number)}</Link> {i.title}
                      {i.kind === 'drill' ? <span className={styles.badge}> {KIND_LABEL[i.kind as IncidentKind]}</span> : null}
                    </th>
                    <td>
                      <SeverityBadge severity={i.severity as Severity} />
                    </td>
                    <td>
                      <time dateTime={i.startedAt.toISOString()} title={utcTitle(i.startedAt)}>
                        {formatInZone(i.startedAt, zone)}
                      </time>
                    </td>
                    <td className={styles.prose}>
                      {i.howItContributed}
                      {canEdit && !factor.mergedInto && !factor.archived ? (
                        <>
                          {' '}
                          <Link href={`${base}/incidents/${i.number}/actions?factor=${encodeURIComponent(factor.id)}#new-action`} aria-label={`Add an action for this factor to ${incidentRef(i.number)}`}>
                            Add an action
                          </Link>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="actions-heading">
        <h2 id="actions-heading">Action items addressing it</h2>
        {factor.actions.length === 0 ? (
          <p className={styles.muted}>No action item names this factor yet. Add one from an incident above (“Add an action”) or from an incident’s Actions tab.</p>
        ) : (
          <div className={tables.wrap}>
            <table className={tables.table}>
              <thead>
                <tr>
                  <th scope="col">Action item</th>
                  <th scope="col">Status</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                  <th scope="col">Incident</th>
                </tr>
              </thead>
              <tbody>
                {factor.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.title}</th>
                    <td>{ACTION_STATUS_LABEL[a.status] ?? a.status}</td>
                    <td>{a.owner ?? <span className={styles.muted}>unassigned</span>}</td>
                    <td className={styles.nowrap}>{a.dueDate ? a.dueDate.toISOString().slice(0, 10) : <span className={styles.muted}>none</span>}</td>
                    <td>
                      <Link href={`${base}/incidents/${a.incidentNumber}/actions`}>{incidentRef(a.incidentNumber)} actions</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
