import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/factors/factors.module.css';
import { ACTION_STATUS_LABEL, actionDetails } from '@/components/factors/labels';
import tables from '@/components/audit/data-table.module.css';
import { formatInZone, incidentRef, displayZone } from '@/components/incidents/format';
import { teamSlugFromParam } from '@/components/shell/sections';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { RECURRENCE_WINDOW_DAYS } from '@/lib/factors/recurrence';
import { listRecurringFactors } from '@/lib/factors/recurrence-queries';
import { pageActor } from '@/lib/teams/session-actor';

export const metadata: Metadata = { title: 'Recurring factors' };

/** Factors that contributed to more than one incident within the window, with the remediation verdict. */
export default async function RecurringFactorsPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const base = `/t/${encodeURIComponent(slug)}`;
  const actor = await pageActor(slug, `${base}/factors/recurring`);
  const { zone } = displayZone(actor.user.timeZone, actor.team.timeZone);
  const factors = await listRecurringFactors(actor);
  const incident = (i: { number: number; title: string; startedAt: Date }) => (
    <>
      <Link href={`${base}/incidents/${i.number}/factors`}>{incidentRef(i.number)}</Link> {i.title}
      <div className={styles.rowNote}>{formatInZone(i.startedAt, zone)}</div>
    </>
  );
  return (
    <>
      <p className={styles.muted}>
        <Link href={`${base}/factors`}>Contributing factors</Link>
      </p>
      <PageHeader
        title="Recurring factors"
        description={`Factors that contributed to another incident within ${RECURRENCE_WINDOW_DAYS} days (drills do not count), and whether the earlier remediation was finished. Only incidents you can see are included.`}
      />
      {factors.length === 0 ? (
        <EmptyState title="No factor recurred">
          <p>No contributing factor appears in two incidents you can see less than {RECURRENCE_WINDOW_DAYS} days apart.</p>
        </EmptyState>
      ) : (
        factors.map((f) => (
          <section key={f.factorId} className={`${styles.section} ${styles.group}`} aria-labelledby={`recurring-${f.factorId}`}>
            <h2 id={`recurring-${f.factorId}`}>
              <Link href={`${base}/factors/${f.factorId}`}>{f.factorName}</Link>{' '}
              {f.notPrevented ? <span className={styles.warning}>Remediation did not prevent recurrence</span> : null}
            </h2>
            <p className={styles.muted}>
              Recurred {f.recurrences.length} {f.recurrences.length === 1 ? 'time' : 'times'}; each row pairs an incident with the closest earlier one that had this factor.
            </p>
            <div className={tables.wrap}>
              <table className={tables.table}>
                <thead>
                  <tr>
                    <th scope="col">Recurred in</th>
                    <th scope="col">After</th>
                    <th scope="col" className={styles.numeric}>
                      Days
                    </th>
                    <th scope="col">Earlier remediation of this factor</th>
                  </tr>
                </thead>
                <tbody>
                  {f.recurrences.map((r) => (
                    <tr key={`${r.earlier.id}-${r.later.id}`}>
                      <th scope="row">{incident(r.later)}</th>
                      <td>{incident(r.earlier)}</td>
                      <td className={styles.numeric}>{r.daysApart}</td>
                      <td>
                        {r.verdict === 'not_prevented' ? <strong className={styles.warning}>Did not prevent recurrence</strong> : r.verdict === 'incomplete' ? 'Not all done' : <span className={styles.muted}>No action item</span>}
                        {r.earlierActions.length > 0 ? (
                          <ul className={styles.subList}>
                            {r.earlierActions.map((a) => (
                              <li key={a.id}>
                                {a.title}: <strong>{ACTION_STATUS_LABEL[a.status] ?? a.status}</strong> ({actionDetails(a)})
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
    </>
  );
}
