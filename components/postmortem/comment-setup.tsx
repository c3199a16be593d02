import type { CommentThreadView } from '@/lib/postmortem/comments';
import type { CommentActions } from './comment-forms';
import styles from './comments.module.css';

// Shared by the server-rendered page and the client editor, so no 'use client' here.

/** Everything the page hands to its comment panels: all threads of the incident, the reader and the actions. */
export interface CommentsSetup {
  threads: readonly CommentThreadView[];
  userId: string;
  /** Editors and admins resolve any thread; everyone else only their own. */
  canModerate: boolean;
  /** Published: comments are read-only. */
  closed: boolean;
  zone: string;
  actions: CommentActions;
}

/** The threads of one section ('' = the document), from the incident's threads. */
export function threadsOf(setup: CommentsSetup, sectionKey: string): CommentThreadView[] {
  return setup.threads.filter((t) => (t.sectionKey ?? '') === sectionKey);
}

/** "2 open comments": shown next to a section's title. */
export function OpenCommentCount({ threads }: { threads: readonly CommentThreadView[] }) {
  const open = threads.filter((t) => t.resolvedAt === null).length;
  return (
    <span className={open > 0 ? `${styles.count} ${styles.countOpen}` : styles.count} data-open-threads={open} data-print="hide">
      {open === 0 ? 'No open comments' : `${open} open ${open === 1 ? 'comment' : 'comments'}`}
    </span>
  );
}
