import type { Metadata } from 'next';
import Link from 'next/link';
import { CadenceForm } from '@/components/meetings/cadence-form';
import { teamSlugFromParam } from '@/components/shell/sections';
import styles from '@/components/teams/settings-index.module.css';
import { AdminOnly, unlessForbidden } from '@/components/tokens/admin-only';
import { PageHeader } from '@/components/ui/page-header';
import { formatReviewTime, nextReview } from '@/lib/meetings/cadence';
import { getCadence } from '@/lib/meetings/cadence-store';
import { authorize, type Actor } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';
import { saveCadenceAction } from './actions';

export const metadata: Metadata = { title: 'Weekly review schedule' };

async function loadForAdmin(actor: Actor) {
  authorize(actor, 'admin', 'change the review schedule');
  return getCadence(actor);
}

export default async function ReviewSchedulePage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const base = `/t/${encodeURIComponent(slug)}`;
  const actor = await pageActor(slug, `${base}/settings/review`);
  const cadence = await unlessForbidden(loadForAdmin(actor));
  return (
    <>
      <PageHeader title="Weekly review schedule" description="When the team’s weekly review meeting takes place. The agenda and the team pages count down to it." />
      {cadence ? (
        <section aria-labelledby="cadence-title" className={styles.section}>
          <h2 id="cadence-title" className={styles.heading}>
            Review day and time
          </h2>
          <p>
            Next review: <strong>{formatReviewTime(nextReview(cadence, new Date()), cadence.timeZone)}</strong> ({cadence.timeZone}). <Link href={`${base}/review`}>Open the agenda</Link>
          </p>
          <CadenceForm weekday={cadence.reviewWeekday} time={cadence.reviewTime} zone={cadence.timeZone} version={cadence.version} action={saveCadenceAction.bind(null, slug)} />
        </section>
      ) : (
        <AdminOnly title="Only admins can change the review schedule" />
      )}
    </>
  );
}
