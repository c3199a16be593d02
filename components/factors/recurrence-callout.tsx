import Link from 'next/link';
import { incidentRef } from '@/components/incidents/format';
import type { RecurrenceView } from '@/lib/factors/recurrence-queries';
import { RECURRENCE_WINDOW_DAYS } from '@/lib/factors/recurrence';
import { ACTION_STATUS_LABEL, actionDetails } from './labels';
import styles from './factors.module.css';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Later recurrences of one incident by factor, soonest first: the verdict is the same for all of them (it is this incident's remediation). */
function groupLater(later: RecurrenceView[]): RecurrenceView[][] {
  const groups = new Map<string, RecurrenceView[]>();
  for (const r of [...later].sort((a, b) => a.daysApart - b.daysApart)) groups.set(r.factorId, [...(groups.get(r.factorId) ?? []), r]);
  return [...groups.values()];
}

/** What the earlier incident's remediation of the factor says, in plain words. */
export function Verdict({ recurrence }: { recurrence: Pick<RecurrenceView, 'verdict' | 'earlierActions' | 'earlier'> }) {
  const ref = incidentRef(recurrence.earlier.number);
  if (recurrence.verdict === 'not_prevented')
    return (
      <>
        {' '}
        <strong className={styles.warning}>Remediation did not prevent recurrence</strong>: every action item of {ref} for this factor was done.
      </>
    );
  if (recurrence.verdict === 'incomplete') return <> Not every action item of {ref} for this factor was done.</>;
  return <> {ref} had no action item for this factor.</>;
}

function EarlierActions({ recurrence, slug }: { recurrence: RecurrenceView; slug: string }) {
  const href = `/t/${encodeURIComponent(slug)}/incidents/${recurrence.earlier.number}/actions`;
  return (
    <ul className={styles.subList}>
      {recurrence.earlierActions.map((a) => (
        <li key={a.id}>
          {a.title}: <strong>{ACTION_STATUS_LABEL[a.status] ?? a.status}</strong> ({actionDetails(a)})
        </li>
      ))}
      <li>
        <Link href={href}>Action items of {incidentRef(recurrence.earlier.number)}</Link>
      </li>
    </ul>
  );
}

/**
 * Shown on an incident when one of its factors also contributed to another incident within
 * RECURRENCE_WINDOW_DAYS: earlier ones ("also contributed ... days earlier", with that incident's
 * action items for the factor and the verdict) and later ones ("recurred in #M").
 */
export function RecurrenceCallout({ earlier, later, slug, detailsHref }: { earlier: RecurrenceView[]; later: RecurrenceView[]; slug: string; detailsHref?: string }) {
  if (earlier.length === 0 && later.length === 0) return null;
  const team = `/t/${encodeURIComponent(slug)}`;
  if (detailsHref) return <RecurrenceSummary earlier={earlier} later={later} team={team} detailsHref={detailsHref} />;
  const factorLink = (r: RecurrenceView) => <Link href={`${team}/factors/${r.factorId}`}>{r.factorName}</Link>;
  const incidentLink = (i: RecurrenceView['earlier']) => (
    <>
      <Link href={`${team}/incidents/${i.number}`}>{incidentRef(i.number)}</Link> ({i.title})
    </>
  );
  return (
    <section className={styles.callout} aria-labelledby="recurrence-heading">
      <h2 id="recurrence-heading">Recurring contributing factors</h2>
      <ul>
        {earlier.map((r) => (
          <li key={`e-${r.factorId}-${r.earlier.id}`}>
            “{factorLink(r)}” also contributed to {incidentLink(r.earlier)}, {days(r.daysApart)} earlier.
            <Verdict recurrence={r} />
            <EarlierActions recurrence={r} slug={slug} />
          </li>
        ))}
        {groupLater(later).map((group) => {
          const [first] = group;
          if (!first) return null;
          const gaps = group.map((r) => r.daysApart);
          return (
            <li key={`l-${first.factorId}`}>
              “{factorLink(first)}” recurred in{' '}
              {group.map((r, i) => (
                <span key={r.later.id}>
                  {i > 0 ? ', ' : ''}
                  {incidentLink(r.later)}
                </span>
              ))}
              , {Math.min(...gaps) === Math.max(...gaps) ? days(gaps[0] ?? 0) : `${Math.min(...gaps)}–${days(Math.max(...gaps))}`} later.
              {first.verdict === 'not_prevented' ? <Verdict recurrence={first} /> : null}
            </li>
          );
        })}
      </ul>
      <p className={styles.muted}>
        A factor recurs when it contributes again within {RECURRENCE_WINDOW_DAYS} days; drills do not count. <Link href={`${team}/factors/recurring`}>All recurring factors</Link>
      </p>
    </section>
  );
}

const refs = (list: RecurrenceView['earlier'][]) => [...new Map(list.map((i) => [i.id, i])).values()].map((i) => incidentRef(i.number)).join(', ');

/** The overview's short form: one line per factor, the verdict, and a link to the Factors tab for the details. */
function RecurrenceSummary({ earlier, later, team, detailsHref }: { earlier: RecurrenceView[]; later: RecurrenceView[]; team: string; detailsHref: string }) {
  const byFactor = new Map<string, { name: string; earlier: RecurrenceView[]; later: RecurrenceView[] }>();
  for (const [side, list] of [['earlier', earlier], ['later', later]] as const) {
    for (const r of list) {
      const entry = byFactor.get(r.factorId) ?? { name: r.factorName, earlier: [], later: [] };
      entry[side].push(r);
      byFactor.set(r.factorId, entry);
    }
  }
  return (
    <section className={styles.callout} aria-labelledby="recurrence-heading">
      <h2 id="recurrence-heading">Recurring contributing factors</h2>
      <ul>
        {[...byFactor].map(([factorId, f]) => (
          <li key={factorId}>
            “<Link href={`${team}/factors/${factorId}`}>{f.name}</Link>”
            {f.earlier.length ? ` also contributed to ${refs(f.earlier.map((r) => r.earlier))} (within ${RECURRENCE_WINDOW_DAYS} days before)` : ''}
            {f.earlier.length && f.later.length ? ' and' : ''}
            {f.later.length ? ` recurred in ${refs(f.later.map((r) => r.later))}` : ''}.
            {[...f.earlier, ...f.later].some((r) => r.verdict === 'not_prevented') ? (
              <>
                {' '}
                <strong className={styles.warning}>Remediation did not prevent recurrence</strong>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p className={styles.muted}>
        <Link href={detailsHref}>Details and the earlier action items on the Factors tab</Link>
      </p>
    </section>
  );
}
