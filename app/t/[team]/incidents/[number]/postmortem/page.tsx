import type { Metadata } from 'next';
import { MarkdownView } from '@/components/postmortem/markdown-view';
import { FlagSummary, PostmortemDocument } from '@/components/postmortem/postmortem-document';
import styles from '@/components/postmortem/postmortem.module.css';
import { ReviewPanel } from '@/components/postmortem/review-panel';
import '@/components/postmortem/review-print.css';
import { EmptyState } from '@/components/ui/empty-state';
import { countOpenFlags } from '@/lib/postmortem/blameless';
import { getReviewState } from '@/lib/postmortem/review';
import { listMemberNames, listSections } from '@/lib/postmortem/sections';
import { roleAtLeast } from '@/lib/teams/access';
import { loadPostmortemRoute } from './load';
import { decideReviewAction, publishAction, reopenAction, requestReviewAction } from './review-actions';

export const metadata: Metadata = { title: 'Post-mortem' };

export default async function PostmortemPage({ params }: { params: Promise<{ team: string; number: string }> }) {
  const { slug, base, actor, incident } = await loadPostmortemRoute(params, '');
  const [sections, names, review] = await Promise.all([listSections(actor, incident.id), listMemberNames(actor), getReviewState(actor, incident.id)]);
  const published = incident.postmortemStatus === 'published';
  const canEdit = roleAtLeast(actor.role, 'editor') && !published;
  const openFlags = countOpenFlags(sections.map((s) => s.body), { names });
  const note = published
    ? 'This post-mortem is published and read-only.'
    : canEdit
      ? 'Markdown, saved automatically as you type. Describe what happened and why it made sense at the time; name systems, not culprits.'
      : 'You can read this post-mortem; editors and admins can change it.';

  const reviewActions = {
    request: requestReviewAction.bind(null, slug, incident.id),
    decide: decideReviewAction.bind(null, slug, incident.id),
    publish: publishAction.bind(null, slug, incident.id),
    reopen: reopenAction.bind(null, slug, incident.id),
  };

  return (
    <>
      <ReviewPanel
        review={review}
        userId={actor.userId ?? ''}
        canEdit={roleAtLeast(actor.role, 'editor')}
        isAdmin={actor.role === 'admin'}
        openFlags={openFlags}
        exportHref={base.replace(/\/postmortem$/, '/export')}
        actions={reviewActions}
      />
      <div className={styles.intro}>
        <h2 className={styles.introTitle}>Post-mortem</h2>
        <p className={styles.hint}>{note}</p>
      </div>
      {sections.length === 0 ? (
        <EmptyState title="No post-mortem sections yet">
          <p>This incident has no document sections. They are created from the team’s post-mortem template.</p>
        </EmptyState>
      ) : canEdit ? (
        <PostmortemDocument slug={slug} sections={sections} names={names} historyPath={`${base}/history`} initialFlagCount={openFlags} />
      ) : (
        <>
          <FlagSummary open={openFlags} />
          {sections.map((section) => (
            <section key={section.id} className={styles.card} aria-labelledby={`section-${section.id}`}>
              <header className={styles.cardHeader}>
                <h3 id={`section-${section.id}`} className={styles.cardTitle}>{section.title}</h3>
                <a className={styles.historyLink} href={`${base}/history?section=${encodeURIComponent(section.id)}`}>History</a>
              </header>
              <MarkdownView source={section.body} />
            </section>
          ))}
        </>
      )}
    </>
  );
}
