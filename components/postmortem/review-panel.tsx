import type { ReviewStateView } from '@/lib/postmortem/review';
import { DecisionForm, PrintButton, PublishForm, ReopenForm, RequestReviewForm, WithdrawForm, type ReviewFormAction } from './review-forms';
import { REVIEW_PANEL_TITLE } from './review-ids';
import styles from './review.module.css';

const STATUS_LABEL: Record<ReviewStateView['status'], string> = { draft: 'Draft', in_review: 'In review', published: 'Published' };
const STATE_LABEL: Record<ReviewStateView['reviews'][number]['state'], string> = {
  requested: 'Review requested',
  approved: 'Approved',
  changes_requested: 'Changes requested',
};

interface Props {
  review: ReviewStateView;
  userId: string;
  canEdit: boolean;
  isAdmin: boolean;
  openFlags: number;
  exportHref: string;
  actions: { request: ReviewFormAction; decide: ReviewFormAction; publish: ReviewFormAction; reopen: ReviewFormAction; withdraw: ReviewFormAction };
}

/** Status of the post-mortem's review, the reviewers' decisions, and what this user may do next. */
export function ReviewPanel({ review, userId, canEdit, isAdmin, openFlags, exportHref, actions }: Props) {
  const mine = review.reviews.find((r) => r.reviewerId === userId);
  const ready = review.reviews.some((r) => r.state === 'approved') && !review.reviews.some((r) => r.state === 'changes_requested');
  return (
    <section className={styles.panel} aria-labelledby={REVIEW_PANEL_TITLE}>
      <header className={styles.header}>
        <h2 id={REVIEW_PANEL_TITLE} className={styles.title} tabIndex={-1}>
          Review:{' '}
          <span data-postmortem-status={review.status} aria-live="polite">
            {STATUS_LABEL[review.status]}
          </span>
        </h2>
        {review.publishedAt ? (
          <p className={styles.muted}>
            Published <time dateTime={review.publishedAt}>{review.publishedAt.replace('T', ' ').slice(0, 16)} UTC</time>
          </p>
        ) : null}
        <div className={`${styles.buttons} ${styles.noPrint}`} data-print="hide">
          <a className="button" href={exportHref} download>
            Export Markdown
          </a>
          <PrintButton />
        </div>
      </header>

      {review.reviews.length > 0 ? (
        <ul className={styles.reviewers} aria-label="Reviewers">
          {review.reviews.map((r) => (
            <li key={r.id} className={styles.reviewer}>
              <span className={styles.reviewerName}>{r.name}</span>
              <span className={styles.state} data-state={r.state}>
                {STATE_LABEL[r.state]}
              </span>
              {r.comments ? <p className={styles.comment}>{r.comments}</p> : null}
            </li>
          ))}
        </ul>
      ) : review.status !== 'published' ? (
        <p className={styles.muted} data-print="hide">
          No reviewers yet.
        </p>
      ) : null}

      <div className={styles.noPrint} data-print="hide">
        {review.status === 'draft' && canEdit ? <RequestReviewForm action={actions.request} members={review.members} /> : null}
        {review.status === 'in_review' && mine ? <DecisionForm action={actions.decide} version={mine.version} comments={mine.comments} /> : null}
        {review.status === 'in_review' && canEdit ? <PublishForm action={actions.publish} openFlags={openFlags} ready={ready} /> : null}
        {review.status === 'in_review' && canEdit ? <WithdrawForm action={actions.withdraw} reviews={review.reviews} /> : null}
        {review.status === 'published' && isAdmin ? <ReopenForm action={actions.reopen} /> : null}
      </div>
    </section>
  );
}
