'use client';

import { useState } from 'react';
import { SubmitButton } from '@/components/forms/fields';
import { formatInZone, utcTitle } from '@/components/incidents/format';
import type { CommentFormState } from '@/app/t/[team]/incidents/[number]/postmortem/comment-actions';
import type { CommentThreadView, CommentView } from '@/lib/postmortem/comments';
import { CommentButtonForm, CommentWriteForm, type CommentActions } from './comment-forms';
import { ConfirmSubmit } from './confirm-submit';
import styles from './comments.module.css';

/** What every thread needs to know about the reader and the page. */
export interface CommentContext {
  userId: string;
  /** Editors and admins resolve any thread; everyone else only their own. */
  canModerate: boolean;
  /** Published: comments are read-only. */
  closed: boolean;
  zone: string;
  actions: CommentActions;
  /** Moves focus after a post or an edit: to the comment it names. */
  focusAfter: (state: CommentFormState) => void;
  /** Before a change that may remove the focused control: where focus goes once the list is redrawn (null: the panel). */
  focusSoon: (commentId: string | null, done: string) => void;
}

export const commentDomId = (id: string) => `comment-${id}`;

function CommentItem({ comment, ctx, root }: { comment: CommentView; ctx: CommentContext; root?: boolean }) {
  const [editing, setEditing] = useState(false);
  const mine = comment.authorId !== null && comment.authorId === ctx.userId && !ctx.closed;
  const at = new Date(comment.at);
  return (
    <div id={commentDomId(comment.id)} tabIndex={-1} className={styles.comment} data-comment={root ? 'thread' : 'reply'}>
      <p className={styles.meta}>
        <strong>{comment.author}</strong>{' '}
        <time dateTime={comment.at} title={utcTitle(at)}>
          {formatInZone(at, ctx.zone)}
        </time>
        {comment.edited ? <span className={styles.muted}> (edited)</span> : null}
      </p>
      {editing ? (
        <CommentWriteForm
          action={ctx.actions.edit}
          label="Edit your comment"
          submit="Save"
          hidden={{ commentId: comment.id, version: String(comment.version) }}
          defaultValue={comment.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onDone={(state) => {
            setEditing(false);
            ctx.focusAfter(state);
          }}
        />
      ) : (
        <p className={styles.body}>{comment.body}</p>
      )}
      {mine && !editing ? (
        <div className={styles.row} data-print="hide">
          <button type="button" className={`button ${styles.small}`} onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> your comment</span>
          </button>
          <CommentButtonForm action={ctx.actions.remove} fields={{ commentId: comment.id, version: String(comment.version) }} onSubmit={() => ctx.focusSoon(null, 'Comment deleted.')}>
            <ConfirmSubmit label="Delete" question="Delete this comment?" confirmLabel="Delete comment" pendingText="Deleting…" className={`button ${styles.small}`} />
          </CommentButtonForm>
        </div>
      ) : null}
    </div>
  );
}

/** One thread: its first comment, the replies, and reply / resolve / reopen for those allowed. */
export function CommentThread({ thread, ctx }: { thread: CommentThreadView; ctx: CommentContext }) {
  const [replying, setReplying] = useState(false);
  const resolved = thread.resolvedAt !== null;
  const canResolve = !ctx.closed && (ctx.canModerate || thread.authorId === ctx.userId);
  const label = `Thread by ${thread.author}${resolved ? ', resolved' : ''}`;
  return (
    <article className={resolved ? `${styles.thread} ${styles.resolved}` : styles.thread} aria-label={label} data-thread-state={resolved ? 'resolved' : 'open'}>
      <CommentItem comment={thread} ctx={ctx} root />
      {thread.replies.length > 0 ? (
        <ol className={styles.replies} aria-label={`${thread.replies.length} ${thread.replies.length === 1 ? 'reply' : 'replies'}`}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentItem comment={reply} ctx={ctx} />
            </li>
          ))}
        </ol>
      ) : null}
      {resolved ? (
        <p className={styles.muted}>
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy}` : ''} {thread.resolvedAt ? <time dateTime={thread.resolvedAt}>{formatInZone(new Date(thread.resolvedAt), ctx.zone)}</time> : null}
        </p>
      ) : null}
      {ctx.closed ? null : (
        <div className={styles.row} data-print="hide">
          {replying ? null : resolved ? null : (
            <button type="button" className={`button ${styles.small}`} onClick={() => setReplying(true)}>
              Reply<span className="visually-hidden"> to {thread.author}</span>
            </button>
          )}
          {canResolve ? (
            <CommentButtonForm action={ctx.actions.resolve} fields={{ commentId: thread.id, resolved: resolved ? 'false' : 'true' }} onSubmit={() => ctx.focusSoon(resolved ? thread.id : null, resolved ? 'Thread reopened.' : 'Thread resolved.')}>
              <SubmitButton variant="secondary" pendingText={resolved ? 'Reopening…' : 'Resolving…'}>
                {resolved ? 'Reopen thread' : 'Resolve thread'}
              </SubmitButton>
            </CommentButtonForm>
          ) : null}
        </div>
      )}
      {replying && !resolved ? (
        <div data-print="hide">
          <CommentWriteForm
            action={ctx.actions.add}
            label={`Reply to ${thread.author}`}
            submit="Post reply"
            hidden={{ parentId: thread.id }}
            autoFocus
            onCancel={() => setReplying(false)}
            onDone={(state) => {
              setReplying(false);
              ctx.focusAfter(state);
            }}
          />
        </div>
      ) : null}
    </article>
  );
}
