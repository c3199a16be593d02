import Link from 'next/link';
import type { Agenda } from '@/lib/meetings/agenda-types';
import styles from './agenda.module.css';

const EMPTY: Record<string, string> = {
  'New incidents': 'No new incidents started in this period.',
  'Post-mortems waiting for review': 'No post-mortem is waiting for review.',
  'Overdue actions': 'No open action is overdue.',
  'Due in the next 7 days': 'No open action is due in the next 7 days.',
  'Recurring factors': 'No contributing factor of this period recurred within 180 days.',
  'Drills held': 'No drill was held in this period.',
  Metrics: 'No figures for this period.',
};

/** The agenda's sections, each a heading and a list of linked items (or why it is empty). */
export function AgendaView({ agenda }: { agenda: Agenda }) {
  return (
    <>
      {agenda.sections.map((section, index) => {
        const id = `agenda-section-${index}`;
        return (
          <section key={section.title} className={styles.section} aria-labelledby={id}>
            <h2 id={id}>
              {section.title} {section.kind === 'metrics' ? null : <span className={styles.count}>({section.items.length})</span>}
            </h2>
            {section.items.length === 0 ? (
              <p className={styles.empty}>{EMPTY[section.title] ?? 'Nothing in this period.'}</p>
            ) : (
              <ul className={styles.items}>
                {section.items.map((item) => (
                  <li key={item.key} className={styles.item} data-agenda-key={item.key}>
                    <Link href={item.href} className={styles.itemTitle}>
                      {item.title}
                    </Link>
                    {item.carriedOver ? <span className={styles.carried}>carried over</span> : null}
                    {item.detail ? <div className={styles.detail}>{item.detail}</div> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
