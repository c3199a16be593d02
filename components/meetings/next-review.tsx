import Link from 'next/link';
import { countAgendaItems } from '@/lib/meetings/agenda';
import { calendarDaysUntil, formatReviewTime, inDaysLabel, nextReview } from '@/lib/meetings/cadence';
import { getCadence } from '@/lib/meetings/cadence-store';
import type { Actor } from '@/lib/teams/access';
import styles from './agenda.module.css';

/** The team page's line about the weekly review: when it is and how many agenda items wait for it. */
export async function NextReview({ actor, base }: { actor: Actor; base: string }) {
  const now = new Date();
  const [cadence, count] = await Promise.all([getCadence(actor), countAgendaItems(actor, { now })]);
  const next = nextReview(cadence, now);
  return (
    <div className={styles.next} data-testid="next-review">
      <p>
        Next review: <strong>{formatReviewTime(next, cadence.timeZone)}</strong> ({inDaysLabel(calendarDaysUntil(next, now, cadence.timeZone))}, {cadence.timeZone}) ·{' '}
        <Link href={`${base}/review`}>
          {count} agenda {count === 1 ? 'item waits' : 'items wait'} for it
        </Link>
      </p>
    </div>
  );
}
