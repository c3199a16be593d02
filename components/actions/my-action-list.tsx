import Link from 'next/link';
import type { ActionView } from '@/lib/actions/schemas';
import { ActionStatusBadge, DueDate, PriorityBadge, TypeText } from './badges';
import { StatusForm } from './status-form';
import styles from './actions.module.css';

/** The user's actions grouped by team (in the order given), each with its inline status change. */
export function MyActionList({ items }: { items: ActionView[] }) {
  const groups = new Map<string, { name: string; items: ActionView[] }>();
  for (const a of items) {
    const group = groups.get(a.team.slug) ?? { name: a.team.name, items: [] };
    group.items.push(a);
    groups.set(a.team.slug, group);
  }
  return (
    <>
      {[...groups.entries()].map(([slug, group]) => (
        <section key={slug} className={styles.teamGroup} aria-labelledby={`team-${slug}`}>
          <h2 id={`team-${slug}`}>{group.name}</h2>
          <ul className={styles.list}>
            {group.items.map((a) => (
              <li key={a.id} className={`${styles.card} ${a.daysOverdue > 0 ? styles.cardOverdue : ''}`}>
                <div className={styles.cardHead}>
                  <h3 className={styles.cardTitle}>
                    <Link href={`/t/${encodeURIComponent(slug)}/incidents/${a.incident.number}/actions`}>{a.title}</Link>
                  </h3>
                  <span>
                    <PriorityBadge priority={a.priority} /> <ActionStatusBadge status={a.status} />
                  </span>
                </div>
                <ul className={styles.meta}>
                  <li>
                    INC-{a.incident.number}: {a.incident.title}
                  </li>
                  <li>
                    <TypeText type={a.type} />
                  </li>
                  <li>
                    Due: <DueDate dueDate={a.dueDate} daysOverdue={a.daysOverdue} />
                  </li>
                </ul>
                <StatusForm key={`status-${a.version}`} slug={slug} action={a} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
