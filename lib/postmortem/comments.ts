import 'server-only';
import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';
import { writeAudit } from '@/lib/audit/write';
import { db, type Tx } from '@/lib/db';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { visibleIncident } from '@/lib/postmortem/review';
import { authorize, requireUserActor, roleAtLeast, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';

/**
 * Threaded, resolvable comments on a post-mortem (on one section, by its key, or on the document).
 *
 * Rules:
 * - Any member who can see the incident (viewer and above; restricted incidents only for those named
 *   on them, and admins) may start a thread or reply: reviewers are often viewers.
 * - Threads are one level deep: a reply points at the thread's first comment.
 * - The thread's author and editors and above resolve and reopen a thread (resolvedAt/resolvedById
 *   on the first comment); a transition that already happened is a CONFLICT.
 * - Authors edit and delete their own comments only, at the version they saw (stale -> CONFLICT).
 *   A first comment with replies is not deleted (that would take other people's replies with it).
 * - A published post-mortem is read-only, comments included: an admin reopens it to discuss it again.
 * - Review decisions with comments (review.ts) are document-level threads like any other.
 * Every change writes its audit row in the same transaction.
 */

export const MAX_COMMENT_LENGTH = 5_000;
export const COMMENTS_CLOSED = 'This post-mortem is published: its comments are read-only. An admin can reopen it as a draft.';

const body = pgText().trim().min(1, 'Write a comment first.').max(MAX_COMMENT_LENGTH, `A comment can hold at most ${MAX_COMMENT_LENGTH.toLocaleString('en')} characters.`);
const id = z.uuid('Comment not found');
export const addCommentSchema = z.object({
  body,
  /** A section's key, or empty for the whole document. */
  sectionKey: pgText().trim().max(80).optional().transform((v) => v || null),
  /** The thread's first comment when replying. */
  parentId: z.union([id, z.literal('')]).optional().transform((v) => v || null),
});
export const editCommentSchema = z.object({ commentId: id, body, version: z.coerce.number().int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE) });
export const deleteCommentSchema = z.object({ commentId: id, version: z.coerce.number().int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE) });
export const resolveThreadSchema = z.object({ commentId: id, resolved: z.boolean() });

/** A comment on an incident this actor may see, or NOT_FOUND (restricted incidents never leak). */
async function visibleComment(actor: Actor, commentId: string) {
  const comment = await db.comment.findFirst({
    where: { id: commentId, incident: visibleIncidentsWhere(actor) },
    select: { id: true, incidentId: true, sectionKey: true, parentId: true, authorId: true, body: true, version: true, resolvedAt: true, incident: { select: { postmortemStatus: true } } },
  });
  if (!comment) throw notFound('Comment not found');
  return comment;
}

function refuseWhenPublished(status: string) {
  if (status === 'published') throw forbidden(COMMENTS_CLOSED);
}

/** Writes on comments re-check in the update itself that the post-mortem is not published meanwhile. */
const OPEN_INCIDENT = { incident: { postmortemStatus: { not: 'published' as const } } };

async function audit(tx: Tx, actor: Actor, action: string, commentId: string, before: unknown, after: unknown) {
  await writeAudit(tx, { teamId: actor.teamId, actorId: actor.userId, actorToken: actor.tokenId, action, entity: 'comment', entityId: commentId, before, after, ip: actor.ip, requestId: actor.requestId });
}

/** After a write matched nothing: published meanwhile (FORBIDDEN), gone (NOT_FOUND) or changed (CONFLICT). */
async function explainMiss(tx: Tx, commentId: string, changed: string): Promise<never> {
  const current = await tx.comment.findUnique({ where: { id: commentId }, select: { body: true, version: true, incident: { select: { postmortemStatus: true } } } });
  if (!current) throw notFound('This comment was deleted meanwhile.');
  refuseWhenPublished(current.incident.postmortemStatus);
  throw conflict(changed, { body: current.body, version: current.version });
}

/** Starts a thread (no parentId) on a section or the document, or replies to one. Viewer+ who can see the incident. */
export async function addComment(actor: Actor, incidentId: string, input: { body: string; sectionKey?: string | null; parentId?: string | null }) {
  authorize(actor, 'viewer', 'comment on the post-mortem');
  const authorId = requireUserActor(actor);
  const parsed = addCommentSchema.parse({ body: input.body, sectionKey: input.sectionKey ?? '', parentId: input.parentId ?? '' });
  const incident = await visibleIncident(actor, incidentId);
  refuseWhenPublished(incident.postmortemStatus);
  if (!parsed.parentId && parsed.sectionKey) {
    const section = await db.postmortemSection.findFirst({ where: { incidentId, key: parsed.sectionKey }, select: { id: true } });
    if (!section) throw new AppError('VALIDATION', 'That section is not part of this post-mortem.', { fields: [{ path: ['sectionKey'], message: 'Pick a section of this post-mortem.' }] });
  }
  return db.$transaction(async (tx) => {
    // FOR SHARE holds off a concurrent publish (and a delete of the replied-to comment) until this
    // comment commits, or makes this one see it first.
    const [current] = await tx.$queryRaw<{ postmortemStatus: string }[]>`SELECT "postmortemStatus"::text AS "postmortemStatus" FROM "Incident" WHERE id = ${incidentId}::uuid FOR SHARE`;
    refuseWhenPublished(current?.postmortemStatus ?? 'published');
    let sectionKey = parsed.sectionKey;
    if (parsed.parentId) {
      const [parent] = await tx.$queryRaw<{ parentId: string | null; sectionKey: string | null }[]>`
        SELECT "parentId"::text AS "parentId", "sectionKey" FROM "Comment" WHERE id = ${parsed.parentId}::uuid AND "incidentId" = ${incidentId}::uuid FOR SHARE`;
      if (!parent) throw notFound('The thread you replied to was deleted meanwhile.');
      if (parent.parentId) throw new AppError('VALIDATION', 'Reply to the thread’s first comment: threads are one level deep.');
      sectionKey = parent.sectionKey;
    }
    const created = await tx.comment.create({ data: { incidentId, authorId, sectionKey, parentId: parsed.parentId, body: parsed.body }, select: { id: true, version: true } });
    await audit(tx, actor, parsed.parentId ? 'comment.reply' : 'comment.create', created.id, null, { incidentId, sectionKey, parentId: parsed.parentId, body: parsed.body });
    return created;
  });
}

/** Resolves (or reopens) a thread, given any of its comments. The thread's author and editors+. */
export async function setThreadResolved(actor: Actor, input: { commentId: string; resolved: boolean }) {
  const userId = requireUserActor(actor);
  const { commentId, resolved } = resolveThreadSchema.parse(input);
  const comment = await visibleComment(actor, commentId);
  const rootId = comment.parentId ?? comment.id;
  const root = comment.parentId ? await visibleComment(actor, rootId) : comment;
  if (root.authorId !== userId && !roleAtLeast(actor.role, 'editor')) throw forbidden('Only the thread’s author, editors and admins can resolve or reopen a thread.');
  refuseWhenPublished(root.incident.postmortemStatus);
  return db.$transaction(async (tx) => {
    const data = resolved ? { resolvedAt: new Date(), resolvedById: userId } : { resolvedAt: null, resolvedById: null };
    const updated = await tx.comment.updateMany({ where: { id: rootId, resolvedAt: resolved ? null : { not: null }, ...OPEN_INCIDENT }, data });
    if (updated.count === 0) await explainMiss(tx, rootId, resolved ? 'Someone resolved this thread meanwhile.' : 'Someone reopened this thread meanwhile.');
    await audit(tx, actor, resolved ? 'comment.resolve' : 'comment.reopen', rootId, { resolved: !resolved }, { resolved });
    return { resolved };
  });
}

/** Changes one's own comment if it is still at `version`. */
export async function editComment(actor: Actor, input: { commentId: string; body: string; version: number | string }) {
  const userId = requireUserActor(actor);
  const { commentId, body: text, version } = editCommentSchema.parse(input);
  const comment = await visibleComment(actor, commentId);
  if (comment.authorId !== userId) throw forbidden('You can only edit your own comments.');
  refuseWhenPublished(comment.incident.postmortemStatus);
  return db.$transaction(async (tx) => {
    const updated = await tx.comment.updateMany({ where: { id: commentId, version, ...OPEN_INCIDENT }, data: { body: text, version: { increment: 1 } } });
    if (updated.count === 0) await explainMiss(tx, commentId, 'This comment changed since you opened it (in another tab?). Reload to see it, then edit again.');
    await audit(tx, actor, 'comment.edit', commentId, { body: comment.body, version }, { body: text, version: version + 1 });
    return { version: version + 1 };
  });
}

/** Deletes one's own comment if it is still at `version` (not a first comment that has replies). */
export async function deleteComment(actor: Actor, input: { commentId: string; version: number | string }) {
  const userId = requireUserActor(actor);
  const { commentId, version } = deleteCommentSchema.parse(input);
  const comment = await visibleComment(actor, commentId);
  if (comment.authorId !== userId) throw forbidden('You can only delete your own comments.');
  refuseWhenPublished(comment.incident.postmortemStatus);
  return db.$transaction(async (tx) => {
    const deleted = await tx.comment.deleteMany({ where: { id: commentId, version, replies: { none: {} }, ...OPEN_INCIDENT } });
    if (deleted.count === 0) {
      if ((await tx.comment.count({ where: { parentId: commentId } })) > 0) throw new AppError('VALIDATION', 'This thread has replies, so its first comment stays. Edit it, or resolve the thread.');
      await explainMiss(tx, commentId, 'This comment changed since you opened it (in another tab?). Reload to see it before deleting.');
    }
    await audit(tx, actor, 'comment.delete', commentId, { body: comment.body, version, sectionKey: comment.sectionKey, parentId: comment.parentId }, null);
    return { deleted: true };
  });
}

const COMMENT_SELECT = {
  id: true,
  body: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  authorId: true,
  author: { select: { name: true, email: true } },
} as const;

function commentView(c: { id: string; body: string; version: number; createdAt: Date; updatedAt: Date; authorId: string | null; author: { name: string; email: string } | null }) {
  return {
    id: c.id,
    body: c.body,
    version: c.version,
    authorId: c.authorId,
    author: c.author ? c.author.name || c.author.email : 'Former member',
    at: c.createdAt.toISOString(),
    edited: c.version > 1,
  };
}

/** The incident's threads, oldest first, each with its replies; grouped by the client by sectionKey (null = document). Viewer+. */
export async function listCommentThreads(actor: Actor, incidentId: string) {
  authorize(actor, 'viewer', 'read the post-mortem comments');
  await visibleIncident(actor, incidentId);
  const roots = await db.comment.findMany({
    where: { incidentId, parentId: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      ...COMMENT_SELECT,
      sectionKey: true,
      resolvedAt: true,
      resolvedBy: { select: { name: true, email: true } },
      replies: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: COMMENT_SELECT },
    },
  });
  return roots.map((root) => ({
    ...commentView(root),
    sectionKey: root.sectionKey,
    resolvedAt: root.resolvedAt?.toISOString() ?? null,
    resolvedBy: root.resolvedBy ? root.resolvedBy.name || root.resolvedBy.email : null,
    replies: root.replies.map(commentView),
  }));
}
export type CommentThreadView = Awaited<ReturnType<typeof listCommentThreads>>[number];
export type CommentView = CommentThreadView['replies'][number];
