import 'server-only';
import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';
import { writeAudit } from '@/lib/audit/write';
import { db, type Tx } from '@/lib/db';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import type { PostmortemStatus } from '@/lib/generated/prisma/enums';
import { blamelessOptions } from '@/lib/postmortem/allow-list';
import { countOpenFlags } from '@/lib/postmortem/blameless';
import { INCIDENT_RECORD_SELECT, toRecord } from '@/lib/incidents/record';
import { authorize, requireUserActor, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { enqueueWebhookEvent } from '@/lib/webhooks/outbox';
import { postmortemEventData } from '@/lib/webhooks/payloads';

/**
 * The post-mortem review workflow (issue 4, item 6): draft -> in_review -> published, and back to
 * draft when an admin reopens it with a reason. Every transition re-checks the expected state in
 * the update itself (a concurrent transition makes it CONFLICT) and writes its audit row in the
 * same transaction.
 */

export const STATE_CHANGED = 'The post-mortem changed state meanwhile. Reload the page to see where it is now.';
const MAX_COMMENT = 5_000;

export const requestReviewSchema = z.object({
  reviewerIds: z.array(z.uuid('Pick reviewers from the team.')).min(1, 'Name at least one reviewer.').max(20, 'Name at most 20 reviewers.'),
});
export const reviewDecisionSchema = z
  .object({
    decision: z.enum(['approved', 'changes_requested']),
    comments: pgText().trim().max(MAX_COMMENT, `Comments can hold at most ${MAX_COMMENT} characters.`),
    version: z.coerce.number().int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE),
  })
  .refine((d) => d.decision === 'approved' || d.comments.length > 0, { path: ['comments'], message: 'Say what should change.' });
export const withdrawSchema = z.object({
  /** The reviews the author saw, "reviewId:version" comma-separated: a decision made since is a CONFLICT. */
  reviews: pgText()
    .trim()
    .transform((v) => (v ? v.split(',') : []))
    .pipe(z.array(pgText().regex(/^[0-9a-f-]{36}:\d+$/, 'The review list could not be read; reload the page.')).max(20))
    .transform((pairs) => Object.fromEntries(pairs.map((p) => { const [id = '', version = '0'] = p.split(':'); return [id, Number(version)]; }))),
});
export const reopenSchema = z.object({ reason: pgText().trim().min(1, 'Give the reason for reopening.').max(2_000, 'Keep the reason under 2,000 characters.') });

/** An incident this actor may see, with its post-mortem status (NOT_FOUND otherwise: restricted incidents never leak). */
export async function visibleIncident(actor: Actor, incidentId: string) {
  if (!z.uuid().safeParse(incidentId).success) throw notFound('Incident not found');
  const incident = await db.incident.findFirst({ where: { ...visibleIncidentsWhere(actor), id: incidentId }, select: { id: true, postmortemStatus: true } });
  if (!incident) throw notFound('Incident not found');
  return incident;
}

/** Moves the incident from `from` to `to` inside `tx`, or CONFLICT when it is no longer in `from`. */
async function transition(tx: Tx, incidentId: string, from: PostmortemStatus, data: { postmortemStatus: PostmortemStatus; publishedAt?: Date | null }, extraWhere: object = {}) {
  const updated = await tx.incident.updateMany({ where: { id: incidentId, postmortemStatus: from, ...extraWhere }, data });
  return updated.count === 1;
}

async function audit(tx: Tx, actor: Actor, action: string, incidentId: string, before: unknown, after: unknown) {
  await writeAudit(tx, { teamId: actor.teamId, actorId: actor.userId, actorToken: actor.tokenId, action, entity: 'incident', entityId: incidentId, before, after, ip: actor.ip, requestId: actor.requestId });
}

/** The review state of a visible incident: status, reviewers with their decisions, and who can be named. Viewer+. */
export async function getReviewState(actor: Actor, incidentId: string) {
  await visibleIncident(actor, incidentId);
  const [incident, reviews, members] = await Promise.all([
    db.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { postmortemStatus: true, publishedAt: true } }),
    db.review.findMany({
      where: { incidentId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, reviewerId: true, state: true, comments: true, version: true, updatedAt: true, reviewer: { select: { name: true, email: true } } },
    }),
    db.membership.findMany({ where: { teamId: actor.teamId }, orderBy: { user: { name: 'asc' } }, select: { userId: true, user: { select: { name: true, email: true } } } }),
  ]);
  return {
    status: incident.postmortemStatus,
    publishedAt: incident.publishedAt?.toISOString() ?? null,
    reviews: reviews.map((r) => ({ id: r.id, reviewerId: r.reviewerId, name: r.reviewer.name || r.reviewer.email, state: r.state, comments: r.comments, version: r.version, at: r.updatedAt.toISOString() })),
    members: members.map((m) => ({ id: m.userId, name: m.user.name || m.user.email })),
  };
}
export type ReviewStateView = Awaited<ReturnType<typeof getReviewState>>;

/** draft -> in_review, naming reviewers among the team's members (their reviews start as requested). Editor+. */
export async function requestReview(actor: Actor, incidentId: string, input: { reviewerIds: string[] }) {
  authorize(actor, 'editor', 'request a review');
  const { reviewerIds } = requestReviewSchema.parse(input);
  const ids = [...new Set(reviewerIds)];
  await visibleIncident(actor, incidentId);
  const members = await db.membership.count({ where: { teamId: actor.teamId, userId: { in: ids } } });
  if (members !== ids.length) throw new AppError('VALIDATION', 'Reviewers must be members of this team.', { fields: [{ path: ['reviewerIds'], message: 'Pick reviewers from the team.' }] });
  return db.$transaction(async (tx) => {
    if (!(await transition(tx, incidentId, 'draft', { postmortemStatus: 'in_review' }))) throw conflict(STATE_CHANGED);
    // Earlier decisions (before a reopen) do not carry over: every named reviewer starts again.
    await tx.review.deleteMany({ where: { incidentId, reviewerId: { notIn: ids } } });
    for (const reviewerId of ids) {
      await tx.review.upsert({
        where: { incidentId_reviewerId: { incidentId, reviewerId } },
        create: { incidentId, reviewerId },
        update: { state: 'requested', comments: '', version: { increment: 1 } },
      });
    }
    await audit(tx, actor, 'postmortem.review_request', incidentId, { status: 'draft' }, { status: 'in_review', reviewerIds: ids });
    return { status: 'in_review' as const };
  });
}

/** A named reviewer approves or requests changes (with a comment), if their review is still at `version`. */
export async function decideReview(actor: Actor, incidentId: string, input: { decision: string; comments: string; version: number | string }) {
  const userId = requireUserActor(actor);
  const { decision, comments, version } = reviewDecisionSchema.parse(input);
  await visibleIncident(actor, incidentId);
  const review = await db.review.findUnique({ where: { incidentId_reviewerId: { incidentId, reviewerId: userId } }, select: { id: true, state: true } });
  if (!review) throw forbidden('Only a reviewer named on this post-mortem can approve it or request changes.');
  return db.$transaction(async (tx) => {
    const updated = await tx.review.updateMany({
      where: { id: review.id, version, incident: { postmortemStatus: 'in_review' } },
      data: { state: decision, comments, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { postmortemStatus: true } });
      if (incident.postmortemStatus !== 'in_review') throw conflict(STATE_CHANGED);
      throw conflict('Your review changed meanwhile (in another tab?). Reload the page and decide again.');
    }
    if (comments) await tx.comment.create({ data: { incidentId, authorId: userId, body: comments } });
    await audit(tx, actor, 'postmortem.review_decide', incidentId, { state: review.state, version }, { state: decision, version: version + 1, comments });
    return { state: decision, version: version + 1 };
  });
}

/**
 * in_review -> published (editor+) when at least one reviewer approved and none requests changes.
 * Open blameless-language flags do not block; their count is returned for the UI to show.
 */
export async function publishPostmortem(actor: Actor, incidentId: string) {
  authorize(actor, 'editor', 'publish the post-mortem');
  await visibleIncident(actor, incidentId);
  const [sections, options] = await Promise.all([db.postmortemSection.findMany({ where: { incidentId }, select: { body: true } }), blamelessOptions(actor)]);
  const openFlags = countOpenFlags(sections.map((s) => s.body), options);
  const publishedAt = new Date();
  return db.$transaction(async (tx) => {
    // The approval rule is part of the update, so a decision landing meanwhile cannot slip past it.
    const ready = { reviews: { some: { state: 'approved' as const }, none: { state: 'changes_requested' as const } } };
    if (!(await transition(tx, incidentId, 'in_review', { postmortemStatus: 'published', publishedAt }, ready))) {
      const current = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { postmortemStatus: true } });
      if (current.postmortemStatus !== 'in_review') throw conflict(STATE_CHANGED);
      const changes = await tx.review.count({ where: { incidentId, state: 'changes_requested' } });
      throw new AppError(
        'VALIDATION',
        changes > 0 ? 'A reviewer requested changes: it can be published once they approve.' : 'It needs at least one reviewer’s approval before it can be published.',
      );
    }
    await audit(tx, actor, 'postmortem.publish', incidentId, { status: 'in_review' }, { status: 'published', publishedAt, openFlags });
    const record = toRecord(await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: INCIDENT_RECORD_SELECT }));
    await enqueueWebhookEvent(tx, actor.teamId, 'postmortem.published', postmortemEventData(actor.teamSlug, record, publishedAt));
    return { status: 'published' as const, publishedAt: publishedAt.toISOString(), openFlags };
  });
}

/** published -> draft, by an admin, with a recorded reason (the document becomes editable again). */
export async function reopenPostmortem(actor: Actor, incidentId: string, input: { reason: string }) {
  authorize(actor, 'admin', 'reopen a published post-mortem');
  const { reason } = reopenSchema.parse(input);
  await visibleIncident(actor, incidentId);
  return db.$transaction(async (tx) => {
    if (!(await transition(tx, incidentId, 'published', { postmortemStatus: 'draft', publishedAt: null }))) throw conflict(STATE_CHANGED);
    await audit(tx, actor, 'postmortem.reopen', incidentId, { status: 'published' }, { status: 'draft', reason });
    return { status: 'draft' as const };
  });
}

/**
 * in_review -> draft, by editors and admins (who request reviews), before anyone publishes: pending
 * review requests are cancelled (deleted; decisions already given stay visible until the next request
 * starts every reviewer again). `reviews` is what the author saw: a decision made since is a CONFLICT,
 * so nobody withdraws past a review they have not read.
 */
export async function withdrawFromReview(actor: Actor, incidentId: string, input: { reviews: string }) {
  authorize(actor, 'editor', 'withdraw the post-mortem from review');
  const { reviews: seen } = withdrawSchema.parse(input);
  await visibleIncident(actor, incidentId);
  return db.$transaction(async (tx) => {
    if (!(await transition(tx, incidentId, 'in_review', { postmortemStatus: 'draft' }))) throw conflict(STATE_CHANGED);
    const current = await tx.review.findMany({ where: { incidentId }, select: { id: true, reviewerId: true, state: true, version: true } });
    if (current.length !== Object.keys(seen).length || current.some((r) => seen[r.id] !== r.version)) {
      throw conflict('A reviewer decided since this page was loaded. Reload to read their review, then withdraw if you still want to.');
    }
    const pending = current.filter((r) => r.state === 'requested');
    await tx.review.deleteMany({ where: { id: { in: pending.map((r) => r.id) }, state: 'requested' } });
    await audit(tx, actor, 'postmortem.review_withdraw', incidentId, { status: 'in_review' }, { status: 'draft', cancelledReviewerIds: pending.map((r) => r.reviewerId) });
    return { status: 'draft' as const, cancelled: pending.length };
  });
}
