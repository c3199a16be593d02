import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { addComment, deleteComment, editComment, listCommentThreads, setThreadResolved } from './comments';
import { decideReview, requestReview } from './review';

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;
let viewer: TestMember;
let other: TestMember;

const newIncident = (extra: { visibility?: 'team' | 'restricted'; members?: string[] } = {}) =>
  createIncident(team.id, { title: 'Disk full', severity: 'SEV3', startedAt: '2026-04-01T08:00:00Z', sections: { summary: 'The disk filled up.', impact: 'Uploads failed.' }, ...extra });

beforeAll(async () => {
  team = await createTestTeam('Comments');
  admin = await team.add('admin', 'Ada Admin');
  editor = await team.add('editor', 'Ed Editor');
  viewer = await team.add('viewer', 'Vic Viewer');
  other = await team.add('viewer', 'Olga Other');
});

describe('post-mortem comment threads', () => {
  it('starts a thread on a section, replies one level deep, resolves and reopens, with audit rows', async () => {
    const inc = await newIncident();
    const before = await auditCount(team.id);
    const thread = await addComment(viewer.actor, inc.id, { body: 'Which disk?', sectionKey: 'summary' });
    const reply = await addComment(editor.actor, inc.id, { body: 'The log volume.', parentId: thread.id });
    // A reply to a reply is refused: threads are one level deep.
    expect(await errorCode(addComment(viewer.actor, inc.id, { body: 'Thanks', parentId: reply.id }))).toBe('VALIDATION');
    // A reply takes its thread's section whatever the form said.
    const second = await addComment(other.actor, inc.id, { body: 'And how big?', parentId: thread.id, sectionKey: 'impact' });
    expect((await db.comment.findUniqueOrThrow({ where: { id: second.id } })).sectionKey).toBe('summary');

    let threads = await listCommentThreads(viewer.actor, inc.id);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ body: 'Which disk?', author: 'Vic Viewer', sectionKey: 'summary', resolvedAt: null });
    expect(threads[0]!.replies.map((r) => [r.author, r.body])).toEqual([['Ed Editor', 'The log volume.'], ['Olga Other', 'And how big?']]);

    // The thread's author (a viewer) resolves it; resolving twice is a conflict; an editor reopens it.
    await setThreadResolved(viewer.actor, { commentId: reply.id, resolved: true });
    threads = await listCommentThreads(viewer.actor, inc.id);
    expect(threads[0]).toMatchObject({ resolvedBy: 'Vic Viewer' });
    expect(threads[0]!.resolvedAt).not.toBeNull();
    expect(await errorCode(setThreadResolved(editor.actor, { commentId: thread.id, resolved: true }))).toBe('CONFLICT');
    await setThreadResolved(editor.actor, { commentId: thread.id, resolved: false });
    const root = await db.comment.findUniqueOrThrow({ where: { id: thread.id }, select: { resolvedAt: true, resolvedById: true } });
    expect(root).toEqual({ resolvedAt: null, resolvedById: null });

    const audits = await db.auditLog.findMany({ where: { teamId: team.id, entity: 'comment' }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });
    expect(audits.map((a) => a.action)).toEqual(['comment.create', 'comment.reply', 'comment.reply', 'comment.resolve', 'comment.reopen']);
    expect(await auditCount(team.id)).toBe(before + 5);
  });

  it('keeps document-level threads (and review decisions) apart from section threads', async () => {
    const inc = await newIncident();
    await addComment(editor.actor, inc.id, { body: 'Overall: needs a timeline.' });
    await requestReview(editor.actor, inc.id, { reviewerIds: [viewer.userId] });
    await decideReview(viewer.actor, inc.id, { decision: 'changes_requested', comments: 'Add the customer impact.', version: 1 });
    const threads = await listCommentThreads(admin.actor, inc.id);
    expect(threads.map((t) => [t.sectionKey, t.body])).toEqual([
      [null, 'Overall: needs a timeline.'],
      [null, 'Add the customer impact.'],
    ]);
    // A review comment is a thread like any other: it can be answered and resolved.
    await addComment(editor.actor, inc.id, { body: 'Added.', parentId: threads[1]!.id });
    await setThreadResolved(editor.actor, { commentId: threads[1]!.id, resolved: true });
  });

  it('refuses unknown sections, empty bodies, other people’s resolutions and edits', async () => {
    const inc = await newIncident();
    expect(await errorCode(addComment(viewer.actor, inc.id, { body: 'Hello', sectionKey: 'nope' }))).toBe('VALIDATION');
    expect(await errorCode(addComment(viewer.actor, inc.id, { body: '   ', sectionKey: 'summary' }))).toBe('ZodError');
    const thread = await addComment(editor.actor, inc.id, { body: 'Check the graphs.', sectionKey: 'impact' });
    // A viewer who did not start the thread cannot resolve it.
    expect(await errorCode(setThreadResolved(other.actor, { commentId: thread.id, resolved: true }))).toBe('FORBIDDEN');
    // Only the author edits or deletes a comment, admins included.
    expect(await errorCode(editComment(admin.actor, { commentId: thread.id, body: 'Changed', version: 1 }))).toBe('FORBIDDEN');
    expect(await errorCode(deleteComment(admin.actor, { commentId: thread.id, version: 1 }))).toBe('FORBIDDEN');
    // API tokens have no author to write as.
    const token = { ...editor.actor, userId: null, tokenId: '00000000-0000-4000-8000-000000000000' };
    expect(await errorCode(addComment(token, inc.id, { body: 'From CI', sectionKey: 'summary' }))).toBe('FORBIDDEN');
    // Another team's admin does not see the incident at all.
    const outsider = await (await createTestTeam('Elsewhere')).add('admin');
    expect(await errorCode(addComment(outsider.actor, inc.id, { body: 'Hi' }))).toBe('NOT_FOUND');
    expect(await errorCode(listCommentThreads(outsider.actor, inc.id))).toBe('NOT_FOUND');
    expect(await errorCode(setThreadResolved(outsider.actor, { commentId: thread.id, resolved: true }))).toBe('NOT_FOUND');
    expect(await db.comment.count({ where: { incidentId: inc.id } })).toBe(1);
  });

  it('edits and deletes one’s own comment at the version seen; a stale write is a conflict', async () => {
    const inc = await newIncident();
    const thread = await addComment(viewer.actor, inc.id, { body: 'First draft of a question', sectionKey: 'summary' });
    expect(await editComment(viewer.actor, { commentId: thread.id, body: 'A better question', version: 1 })).toEqual({ version: 2 });
    // The same edit from a stale tab conflicts and changes nothing.
    expect(await errorCode(editComment(viewer.actor, { commentId: thread.id, body: 'Stale text', version: 1 }))).toBe('CONFLICT');
    expect(await errorCode(deleteComment(viewer.actor, { commentId: thread.id, version: 1 }))).toBe('CONFLICT');
    expect((await db.comment.findUniqueOrThrow({ where: { id: thread.id } })).body).toBe('A better question');
    // A first comment with replies stays (it would take other people's replies with it).
    const reply = await addComment(editor.actor, inc.id, { body: 'Answer', parentId: thread.id });
    expect(await errorCode(deleteComment(viewer.actor, { commentId: thread.id, version: 2 }))).toBe('VALIDATION');
    await deleteComment(editor.actor, { commentId: reply.id, version: 1 });
    await deleteComment(viewer.actor, { commentId: thread.id, version: 2 });
    expect(await db.comment.count({ where: { incidentId: inc.id } })).toBe(0);
    expect(await auditCount(team.id, 'comment.delete')).toBeGreaterThanOrEqual(2);
  });

  it('shows restricted incidents’ comments only to those who can see the incident', async () => {
    const inc = await newIncident({ visibility: 'restricted', members: [viewer.userId] });
    const thread = await addComment(viewer.actor, inc.id, { body: 'Restricted question', sectionKey: 'summary' });
    // An editor not named on the incident sees nothing and can do nothing.
    expect(await errorCode(listCommentThreads(editor.actor, inc.id))).toBe('NOT_FOUND');
    expect(await errorCode(addComment(editor.actor, inc.id, { body: 'Peek', parentId: thread.id }))).toBe('NOT_FOUND');
    expect(await errorCode(setThreadResolved(editor.actor, { commentId: thread.id, resolved: true }))).toBe('NOT_FOUND');
    expect(await errorCode(editComment(other.actor, { commentId: thread.id, body: 'x', version: 1 }))).toBe('NOT_FOUND');
    // Admins see every incident of the team.
    expect(await listCommentThreads(admin.actor, inc.id)).toHaveLength(1);
    await setThreadResolved(admin.actor, { commentId: thread.id, resolved: true });
  });

  it('closes comments on a published post-mortem', async () => {
    const inc = await newIncident();
    const thread = await addComment(viewer.actor, inc.id, { body: 'Before publishing', sectionKey: 'summary' });
    await db.incident.update({ where: { id: inc.id }, data: { postmortemStatus: 'published', publishedAt: new Date() } });
    expect(await errorCode(addComment(viewer.actor, inc.id, { body: 'After', sectionKey: 'summary' }))).toBe('FORBIDDEN');
    expect(await errorCode(addComment(editor.actor, inc.id, { body: 'Reply', parentId: thread.id }))).toBe('FORBIDDEN');
    expect(await errorCode(setThreadResolved(editor.actor, { commentId: thread.id, resolved: true }))).toBe('FORBIDDEN');
    expect(await errorCode(editComment(viewer.actor, { commentId: thread.id, body: 'Edited', version: 1 }))).toBe('FORBIDDEN');
    // Still readable.
    expect(await listCommentThreads(viewer.actor, inc.id)).toHaveLength(1);
  });
});
