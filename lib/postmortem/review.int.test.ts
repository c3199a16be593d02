import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { decideReview, getReviewState, publishPostmortem, reopenPostmortem, requestReview, STATE_CHANGED, withdrawFromReview } from './review';
import { saveSection } from './sections';

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;
let reviewer: TestMember;
let viewer: TestMember;

async function newIncident() {
  const incident = await createIncident(team.id, { title: 'Queue backlog', severity: 'SEV2', startedAt: '2026-03-01T10:00:00Z', sections: { summary: 'The operator was careless.' } });
  const section = await db.postmortemSection.findFirstOrThrow({ where: { incidentId: incident.id }, select: { id: true, version: true } });
  return { id: incident.id, section };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  team = await createTestTeam('Reviews');
  admin = await team.add('admin', 'Ada Admin');
  editor = await team.add('editor', 'Ed Editor');
  reviewer = await team.add('viewer', 'Rae Reviewer');
  viewer = await team.add('viewer', 'Vic Viewer');
});

describe('post-mortem review workflow', () => {
  it('goes draft -> in review -> approved -> published -> reopened, with an audit row each', async () => {
    const inc = await newIncident();
    const before = await auditCount(team.id);
    await requestReview(editor.actor, inc.id, { reviewerIds: [reviewer.userId, admin.userId] });
    let state = await getReviewState(viewer.actor, inc.id);
    expect(state.status).toBe('in_review');
    expect(state.reviews.map((r) => [r.name, r.state])).toEqual([['Rae Reviewer', 'requested'], ['Ada Admin', 'requested']]);

    await decideReview(reviewer.actor, inc.id, { decision: 'changes_requested', comments: 'Name the missing alert.', version: 1 });
    expect((await errorOf(publishPostmortem(editor.actor, inc.id))).message).toMatch(/requested changes/);
    await decideReview(reviewer.actor, inc.id, { decision: 'approved', comments: 'Looks good now.', version: 2 });
    expect(await db.comment.count({ where: { incidentId: inc.id } })).toBe(2);

    const published = await publishPostmortem(editor.actor, inc.id);
    expect(published).toMatchObject({ status: 'published', openFlags: 1 });
    state = await getReviewState(viewer.actor, inc.id);
    expect(state.status).toBe('published');
    expect(state.publishedAt).not.toBeNull();
    expect(state.reviews.find((r) => r.reviewerId === reviewer.userId)).toMatchObject({ state: 'approved', comments: 'Looks good now.', version: 3 });

    await reopenPostmortem(admin.actor, inc.id, { reason: 'The impact numbers were wrong.' });
    const row = await db.incident.findUniqueOrThrow({ where: { id: inc.id }, select: { postmortemStatus: true, publishedAt: true } });
    expect(row).toEqual({ postmortemStatus: 'draft', publishedAt: null });

    const audits = await db.auditLog.findMany({ where: { teamId: team.id, entityId: inc.id }, orderBy: { createdAt: 'asc' }, select: { action: true, after: true, actorId: true } });
    expect(audits.map((a) => a.action)).toEqual(['postmortem.review_request', 'postmortem.review_decide', 'postmortem.review_decide', 'postmortem.publish', 'postmortem.reopen']);
    expect(audits.at(-1)).toMatchObject({ actorId: admin.userId, after: { status: 'draft', reason: 'The impact numbers were wrong.' } });
    expect(await auditCount(team.id)).toBe(before + 5);

    // A new request starts every reviewer again.
    await requestReview(editor.actor, inc.id, { reviewerIds: [reviewer.userId] });
    state = await getReviewState(editor.actor, inc.id);
    expect(state.reviews.map((r) => [r.name, r.state])).toEqual([['Rae Reviewer', 'requested']]);
  });

  it('lets only editors request a review, naming team members only', async () => {
    const inc = await newIncident();
    expect(await errorCode(requestReview(viewer.actor, inc.id, { reviewerIds: [reviewer.userId] }))).toBe('FORBIDDEN');
    expect(await errorCode(requestReview(editor.actor, inc.id, { reviewerIds: [] }))).toBe('ZodError');
    const outsider = await (await createTestTeam('Elsewhere')).add('editor');
    const error = await errorOf(requestReview(editor.actor, inc.id, { reviewerIds: [outsider.userId] }));
    expect(error.code).toBe('VALIDATION');
    expect(error.details.fields?.[0]?.path).toEqual(['reviewerIds']);
  });

  it('refuses a decision from anyone but the named reviewer, and a stale review version', async () => {
    const inc = await newIncident();
    await requestReview(editor.actor, inc.id, { reviewerIds: [reviewer.userId] });
    expect(await errorCode(decideReview(editor.actor, inc.id, { decision: 'approved', comments: '', version: 1 }))).toBe('FORBIDDEN');
    expect(await errorCode(decideReview(admin.actor, inc.id, { decision: 'approved', comments: '', version: 1 }))).toBe('FORBIDDEN');
    expect(await errorCode(decideReview(reviewer.actor, inc.id, { decision: 'changes_requested', comments: '  ', version: 1 }))).toBe('ZodError');
    await decideReview(reviewer.actor, inc.id, { decision: 'approved', comments: '', version: 1 });
    const stale = await errorOf(decideReview(reviewer.actor, inc.id, { decision: 'changes_requested', comments: 'Wait.', version: 1 }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('blocks publishing without an approval with a clear VALIDATION message', async () => {
    const inc = await newIncident();
    await requestReview(editor.actor, inc.id, { reviewerIds: [reviewer.userId] });
    const error = await errorOf(publishPostmortem(editor.actor, inc.id));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/at least one reviewer’s approval/);
    expect(await errorCode(publishPostmortem(viewer.actor, inc.id))).toBe('FORBIDDEN');
    expect((await db.incident.findUniqueOrThrow({ where: { id: inc.id } })).postmortemStatus).toBe('in_review');
  });

  it('answers CONFLICT when the state changed meanwhile (concurrent transitions)', async () => {
    const inc = await newIncident();
    const results = await Promise.allSettled([
      requestReview(editor.actor, inc.id, { reviewerIds: [reviewer.userId] }),
      requestReview(admin.actor, inc.id, { reviewerIds: [reviewer.userId] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' ? rejected.reason : null).toMatchObject({ code: 'CONFLICT', message: STATE_CHANGED });

    await decideReview(reviewer.actor, inc.id, { decision: 'approved', comments: '', version: 1 });
    await publishPostmortem(editor.actor, inc.id);
    const again = await errorOf(publishPostmortem(admin.actor, inc.id));
    expect(again).toMatchObject({ code: 'CONFLICT', message: STATE_CHANGED });
    expect((await errorOf(decideReview(reviewer.actor, inc.id, { decision: 'approved', comments: '', version: 2 }))).code).toBe('CONFLICT');
  });

  it('makes a published post-mortem read-only, and only an admin with a reason reopens it', async () => {
    const inc = await newIncident();
    await requestReview(editor.actor, inc.id, { reviewerIds: [reviewer.userId] });
    await decideReview(reviewer.actor, inc.id, { decision: 'approved', comments: '', version: 1 });
    await publishPostmortem(editor.actor, inc.id);
    expect(await errorCode(saveSection(editor.actor, inc.section.id, 'Changed after publishing.', inc.section.version))).toBe('FORBIDDEN');

    expect(await errorCode(reopenPostmortem(editor.actor, inc.id, { reason: 'Typo.' }))).toBe('FORBIDDEN');
    expect(await errorCode(reopenPostmortem(admin.actor, inc.id, { reason: '   ' }))).toBe('ZodError');
    const reopens = await auditCount(team.id, 'postmortem.reopen');
    await reopenPostmortem(admin.actor, inc.id, { reason: 'Add the follow-up.' });
    expect(await auditCount(team.id, 'postmortem.reopen')).toBe(reopens + 1);
    expect(await saveSection(editor.actor, inc.section.id, 'Editable again.', inc.section.version)).toMatchObject({ version: inc.section.version + 1 });
  });
});

describe('withdrawing a post-mortem from review', () => {
  it('goes back to draft, cancels pending requests, keeps decisions, and is audited', async () => {
    const inc = await newIncident();
    await requestReview(editor.actor, inc.id, { reviewerIds: [reviewer.userId, admin.userId] });
    await decideReview(admin.actor, inc.id, { decision: 'approved', comments: '', version: 1 });
    const seen = (await getReviewState(editor.actor, inc.id)).reviews.map((r) => `${r.id}:${r.version}`).join(',');
    expect(await errorCode(withdrawFromReview(viewer.actor, inc.id, { reviews: seen }))).toBe('FORBIDDEN');

    expect(await withdrawFromReview(editor.actor, inc.id, { reviews: seen })).toEqual({ status: 'draft', cancelled: 1 });
    const state = await getReviewState(viewer.actor, inc.id);
    expect(state.status).toBe('draft');
    expect(state.reviews.map((r) => [r.name, r.state])).toEqual([['Ada Admin', 'approved']]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: inc.id, action: 'postmortem.review_withdraw' }, select: { actorId: true, after: true } });
    expect(audit).toMatchObject({ actorId: editor.userId, after: { status: 'draft', cancelledReviewerIds: [reviewer.userId] } });
    // The reviewer whose request was cancelled can no longer decide; the draft is editable again.
    expect(await errorCode(decideReview(reviewer.actor, inc.id, { decision: 'approved', comments: '', version: 1 }))).toBe('FORBIDDEN');
    await saveSection(editor.actor, inc.section.id, 'Rewritten after withdrawing.', inc.section.version);
    // Withdrawing twice: the state changed.
    expect((await errorOf(withdrawFromReview(editor.actor, inc.id, { reviews: seen }))).message).toBe(STATE_CHANGED);
  });

  it('refuses when a reviewer decided since the page was loaded, and changes nothing', async () => {
    const inc = await newIncident();
    await requestReview(editor.actor, inc.id, { reviewerIds: [reviewer.userId] });
    const seen = (await getReviewState(editor.actor, inc.id)).reviews.map((r) => `${r.id}:${r.version}`).join(',');
    await decideReview(reviewer.actor, inc.id, { decision: 'changes_requested', comments: 'Say why the alert was silent.', version: 1 });
    const before = await auditCount(team.id);
    expect(await errorCode(withdrawFromReview(editor.actor, inc.id, { reviews: seen }))).toBe('CONFLICT');
    expect((await getReviewState(editor.actor, inc.id)).status).toBe('in_review');
    expect(await auditCount(team.id)).toBe(before);
    expect(await errorCode(withdrawFromReview(editor.actor, inc.id, { reviews: 'garbage' }))).toBe('ZodError');
  });
});
