import type { Metadata } from 'next';
import { displayZone } from '@/components/incidents/format';
import { SectionComments } from '@/components/postmortem/comment-panel';
import { OpenCommentCount, threadsOf, type CommentsSetup } from '@/components/postmortem/comment-setup';
import commentStyles from '@/components/postmortem/comments.module.css';
import { MarkdownView } from '@/components/postmortem/markdown-view';
import { FlagSummary, PostmortemDocument } from '@/components/postmortem/postmortem-document';
import styles from '@/components/postmortem/postmortem.module.css';
import { ReviewPanel } from '@/components/postmortem/review-panel';
import '@/components/postmortem/review-print.css';
import { EmptyState } from '@/components/ui/empty-state';
import { blamelessOptions } from '@/lib/postmortem/allow-list';
import { countOpenFlags } from '@/lib/postmortem/blameless';
import { listCommentThreads } from '@/lib/postmortem/comments';
import { getReviewState } from '@/lib/postmortem/review';
import { listSections } from '@/lib/postmortem/sections';
import { roleAtLeast } from '@/lib/teams/access';
import { addCommentAction, deleteCommentAction, editCommentAction, resolveThreadAction } from './comment-actions';
import { loadPostmortemRoute } from './load';
import { decideReviewAction, publishAction, reopenAction, requestReviewAction, withdrawAction } from './review-actions';

export const metadata: Metadata = { title: 'Post-mortem' };

export default async function PostmortemPage({ params }: { params: Promise<{ team: string; number: string }> }) {
  const { slug, base, actor, incident } = await loadPostmortemRoute(params, '');
  const [sections, options, review, threads] = await Promise.all([
    listSections(actor, incident.id),
    blamelessOptions(actor),
    getReviewState(actor, incident.id),
    listCommentThreads(actor, incident.id),
  ]);
  const published = incident.postmortemStatus === 'published';
  const canEdit = roleAtLeast(actor.role, 'editor') && !published;
  const openFlags = countOpenFlags(sections.map((s) => s.body), options);
  const note = published
    ? 'This post-mortem is published and read-only. Its comments are closed too.'
    : canEdit
      ? 'Markdown, saved automatically as you type. Describe what happened and why it made sense at the time; name systems, not culprits.'
      : 'You can read this post-mortem and comment on it; editors and admins can change it.';

  const reviewActions = {
    request: requestReviewAction.bind(null, slug, incident.id),
    decide: decideReviewAction.bind(null, slug, incident.id),
    publish: publishAction.bind(null, slug, incident.id),
    reopen: reopenAction.bind(null, slug, incident.id),
    withdraw: withdrawAction.bind(null, slug, incident.id),
  };
  const comments: CommentsSetup = {
    threads,
    userId: actor.userId ?? '',
    canModerate: roleAtLeast(actor.role, 'editor'),
    closed: published,
    zone: displayZone(actor.user.timeZone, actor.team.timeZone).zone,
    actions: {
      add: addCommentAction.bind(null, slug, incident.id),
      resolve: resolveThreadAction.bind(null, slug),
      edit: editCommentAction.bind(null, slug),
      remove: deleteCommentAction.bind(null, slug),
    },
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
        <p className={styles.hint} data-print="hide">
          {note}
        </p>
      </div>
      <section className={`${styles.card} ${commentStyles.documentCard}`} aria-labelledby="document-comments-title" data-print="hide">
        <header className={styles.cardHeader}>
          <h3 id="document-comments-title" className={styles.cardTitle}>
            Comments on the whole document
          </h3>
          <OpenCommentCount threads={threadsOf(comments, '')} />
        </header>
        <p className={styles.hint}>Review decisions with comments appear here too. Comment on one section from that section.</p>
        <SectionComments setup={comments} sectionKey="" title="the whole document" />
      </section>
      {sections.length === 0 ? (
        <EmptyState title="No post-mortem sections yet">
          <p>This incident has no document sections. They are created from the team’s post-mortem template.</p>
        </EmptyState>
      ) : canEdit ? (
        <PostmortemDocument
          slug={slug}
          sections={sections}
          names={options.names}
          allowList={options.allowList}
          comments={comments}
          historyPath={`${base}/history`}
          initialFlagCount={openFlags}
        />
      ) : (
        <>
          <FlagSummary open={openFlags} />
          {sections.map((section) => (
            <section key={section.id} className={styles.card} aria-labelledby={`section-${section.id}`} data-section-key={section.key} data-print="flat">
              <header className={styles.cardHeader}>
                <h3 id={`section-${section.id}`} className={styles.cardTitle}>
                  {section.title}
                </h3>
                <OpenCommentCount threads={threadsOf(comments, section.key)} />
                <a className={styles.historyLink} href={`${base}/history?section=${encodeURIComponent(section.id)}`} data-print="hide">
                  History
                </a>
              </header>
              <MarkdownView source={section.body} />
              <SectionComments setup={comments} sectionKey={section.key} title={section.title} />
            </section>
          ))}
        </>
      )}
    </>
  );
}
