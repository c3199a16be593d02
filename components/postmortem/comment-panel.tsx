'use client';

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CommentFormState } from '@/app/t/[team]/incidents/[number]/postmortem/comment-actions';
import { CommentWriteForm } from './comment-forms';
import type { CommentsSetup } from './comment-setup';
import { CommentThread, commentDomId, type CommentContext } from './comment-thread';
import styles from './comments.module.css';

export type CommentPanelProps = CommentsSetup & {
  /** The section's key, or '' for the document as a whole. */
  sectionKey: string;
  /** "Summary", or "the whole document". */
  title: string;
};

/**
 * The comment threads of one section (or of the document): open threads first, resolved ones behind
 * "Show N resolved", and a form to start a thread. Collapsible; open when there is something to read.
 */
export function CommentPanel({ sectionKey, title, threads, userId, canModerate, closed, zone, actions }: CommentPanelProps) {
  const open = useMemo(() => threads.filter((t) => t.resolvedAt === null), [threads]);
  const resolved = useMemo(() => threads.filter((t) => t.resolvedAt !== null), [threads]);
  const [expanded, setExpanded] = useState(open.length > 0);
  const [showResolved, setShowResolved] = useState(false);
  const [message, setMessage] = useState('');
  const regionRef = useRef<HTMLDivElement>(null);
  const pending = useRef<{ focus: string | null; message: string } | undefined>(undefined);
  const id = useId();

  const focusComment = useCallback((commentId: string | null) => {
    const target = commentId ? document.getElementById(commentDomId(commentId)) : null;
    (target ?? regionRef.current)?.focus();
  }, []);
  // A resolve, reopen or delete redraws the list without the button that was pressed: once the new
  // threads arrive, focus moves to the reopened thread or to the panel (never lost to the page).
  useEffect(() => {
    const next = pending.current;
    if (next === undefined) return;
    pending.current = undefined;
    setMessage(next.message);
    focusComment(next.focus);
  }, [threads, focusComment]);

  const ctx: CommentContext = {
    userId,
    canModerate,
    closed,
    zone,
    actions,
    focusAfter: (state: CommentFormState) => {
      setMessage(state.message ?? '');
      focusComment(state.commentId ?? null);
    },
    focusSoon: (commentId, done) => {
      pending.current = { focus: commentId, message: done };
    },
  };

  const summary = `${open.length} open${resolved.length > 0 ? `, ${resolved.length} resolved` : ''}`;
  return (
    <div className={styles.panel} data-comments={sectionKey || 'document'} data-print="hide">
      <button type="button" className={styles.toggle} aria-expanded={expanded} aria-controls={`${id}-region`} onClick={() => setExpanded((v) => !v)}>
        <span aria-hidden="true" className={styles.chevron}>
          {expanded ? '▾' : '▸'}
        </span>{' '}
        {`Comments on ${title}: ${summary}`}
      </button>
      <div id={`${id}-region`} ref={regionRef} role="region" aria-label={`Comments on ${title}`} tabIndex={-1} hidden={!expanded} className={styles.region}>
        <p role="status" className={styles.status}>
          {message}
        </p>
        {open.length === 0 ? <p className={styles.muted}>{resolved.length > 0 ? 'Every thread here is resolved.' : 'No comments yet.'}</p> : null}
        {open.map((thread) => (
          <CommentThread key={thread.id} thread={thread} ctx={ctx} />
        ))}
        {resolved.length > 0 ? (
          <>
            <button type="button" className={styles.linkButton} aria-expanded={showResolved} aria-controls={`${id}-resolved`} onClick={() => setShowResolved((v) => !v)}>
              {showResolved ? `Hide ${resolved.length} resolved` : `Show ${resolved.length} resolved`}
            </button>
            <div id={`${id}-resolved`} hidden={!showResolved}>
              {showResolved ? resolved.map((thread) => <CommentThread key={thread.id} thread={thread} ctx={ctx} />) : null}
            </div>
          </>
        ) : null}
        {closed ? (
          <p className={styles.muted}>This post-mortem is published, so its comments are read-only; an admin can reopen it to discuss it again.</p>
        ) : (
          <CommentWriteForm action={actions.add} label={`New comment on ${title}`} submit="Comment" hidden={{ sectionKey }} onDone={ctx.focusAfter} />
        )}
      </div>
    </div>
  );
}

/** A section's panel, given the page's setup. */
export function SectionComments({ setup, sectionKey, title }: { setup: CommentsSetup; sectionKey: string; title: string }) {
  const { threads, ...rest } = setup;
  const mine = useMemo(() => threads.filter((t) => (t.sectionKey ?? '') === sectionKey), [threads, sectionKey]);
  return <CommentPanel {...rest} sectionKey={sectionKey} title={title} threads={mine} />;
}
