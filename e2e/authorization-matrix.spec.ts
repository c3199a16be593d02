import fs from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { signBody } from '../lib/webhooks/signature';
import { signInRequest } from './support/auth';
import { ensureAlertIntegration, insertWebhookEndpoint, insertAction, insertComment, insertFactor, insertIncident, insertIncidentFactor, insertInvite, insertMeeting, insertMeetingItem, insertMeetingNote, insertMembership, insertReview, insertSection, insertTeam, insertTimelineEvent, insertToken, insertUser, withDb } from './support/fixtures-db';
import { callServerAction, formData, listServerActions, pagePath, type ServerActionInfo } from './support/server-actions';

/**
 * Every server action (from the build's server reference manifest) and every route handler
 * (app/**\/route.ts) against five personas. A new endpoint without a row fails this test.
 */
const PERSONAS = ['anonymous', 'viewerA', 'editorA', 'adminA', 'adminB'] as const;
type Persona = (typeof PERSONAS)[number];
type Outcome = 'allow' | 'deny';
type Expect = Record<Persona, Outcome>;

const ROOT = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'matrix persona passphrase';
const run = Date.now().toString(36);
const A = `matrix-a-${run}`;
const B = `matrix-b-${run}`;

const everyone: Expect = { anonymous: 'allow', viewerA: 'allow', editorA: 'allow', adminA: 'allow', adminB: 'allow' };
const signedIn: Expect = { ...everyone, anonymous: 'deny' };
const membersOfA: Expect = { ...signedIn, adminB: 'deny' };
const adminOfA: Expect = { anonymous: 'deny', viewerA: 'deny', editorA: 'deny', adminA: 'allow', adminB: 'deny' };
const editorsOfA: Expect = { anonymous: 'deny', viewerA: 'deny', editorA: 'allow', adminA: 'allow', adminB: 'deny' };
/** Token routes that create in the token's own team: admin B's token creates in team B, which is allowed. */
const editorTokens: Expect = { ...editorsOfA, adminB: 'allow' };

interface Ctx {
  teamA: string;
  users: Record<Exclude<Persona, 'anonymous'>, string>;
  unique: () => string;
}
interface ActionRow {
  expect: Expect;
  /** Builds the call's arguments on fresh fixtures (so a destructive call never changes the next). */
  args: (ctx: Ctx) => Promise<unknown[]>;
  /** Runs after each persona's call to restore the personas (e.g. after leaving a team). */
  restore?: (ctx: Ctx) => Promise<void>;
  endsSessions?: boolean;
}

const freshMember = (ctx: Ctx) => withDb(async (db) => {
  const user = await insertUser(db, `member-${ctx.unique()}@matrix.test`, PASSWORD);
  return insertMembership(db, ctx.teamA, user, 'viewer');
});
const restoreMemberships = (ctx: Ctx) => withDb(async (db) => {
  await db.query(`DELETE FROM "Membership" m USING "Team" t WHERE m."teamId" = t.id AND t.slug = $1 AND m."userId" = $2`, [A, ctx.users.adminB]);
  for (const [persona, role] of [['viewerA', 'viewer'], ['editorA', 'editor']] as const) {
    await db.query(`INSERT INTO "Membership"(id, "teamId", "userId", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) ON CONFLICT DO NOTHING`, [ctx.teamA, ctx.users[persona], role]);
  }
});

/** A fresh draft incident of team A with one section at version 1 (and its revision). */
const freshSection = (ctx: Ctx) => withDb(async (db) => insertSection(db, (await insertIncident(db, ctx.teamA, { title: `Matrix ${ctx.unique()}` })).id));

/** A fresh draft incident of team A with one timeline entry at version 1. */
const freshEvent = (ctx: Ctx) => withDb(async (db) => {
  const incident = await insertIncident(db, ctx.teamA, { title: `Matrix timeline ${ctx.unique()}` });
  return { id: incident.id, number: incident.number, eventId: await insertTimelineEvent(db, incident.id) };
});
const matrixEntry = () => ({ occurredAt: new Date().toISOString(), kind: 'note', body: 'Added by the matrix.' });

/** Team A's alert integrations share one known secret; the current version (for version-checked forms). */
const ALERT_SECRET = 'matrix alert secret, not a real one';
const alertIntegration = (ctx: Ctx, source: 'alertmanager' | 'pagerduty' | 'generic') => withDb((db) => ensureAlertIntegration(db, ctx.teamA, source, ALERT_SECRET));
const matrixAlert = { id: 'matrix-alert', status: 'firing', groupKey: 'matrix', title: 'Matrix alert', occurredAt: '2026-03-01T10:00:00Z' };
/** x-middleware-subrequest as the 2025 bypass sent it, for every name the proxy/middleware file could have. */
const SUBREQUEST = ['proxy', 'middleware', 'src/proxy', 'src/middleware'].map((name) => Array(5).fill(name).join(':')).join(':');
/** Nobody is let in by a session or token alone. */
const nobody: Expect = { anonymous: 'deny', viewerA: 'deny', editorA: 'deny', adminA: 'deny', adminB: 'deny' };

/** A fresh incident of team A at version 1 (so an allowed edit never conflicts with the previous one). */
const freshIncident = (ctx: Ctx) => withDb((db) => insertIncident(db, ctx.teamA, { title: `Matrix incident ${ctx.unique()}` }));
/** A fresh incident of team A in the given post-mortem state, admin A named as reviewer (in `review` state) unless null. */
const reviewIncident = (ctx: Ctx, status: 'draft' | 'in_review' | 'published', review: 'requested' | 'approved' | null) => withDb(async (db) => {
  const incident = await insertIncident(db, ctx.teamA, { title: `Matrix review ${ctx.unique()}`, postmortemStatus: status });
  if (review) await insertReview(db, incident.id, ctx.users.adminA, review);
  return incident.id;
});
/** A fresh draft incident of team A with a Summary section and a thread on it started by admin A. */
const commentThread = (ctx: Ctx) => withDb(async (db) => {
  const incident = await insertIncident(db, ctx.teamA, { title: `Matrix comments ${ctx.unique()}` });
  await insertSection(db, incident.id);
  return { incidentId: incident.id, commentId: await insertComment(db, incident.id, ctx.users.adminA) };
});
/** The reviews of an incident as the withdraw form sends them ("id:version,..."). */
const seenReviews = (incidentId: string) => withDb(async (db) => {
  const { rows } = await db.query<{ id: string; version: number }>(`SELECT id, version FROM "Review" WHERE "incidentId" = $1`, [incidentId]);
  return rows.map((r) => `${r.id}:${r.version}`).join(',');
});
/** Team A's version now (the allow-list form saves at the version it was read at). */
const teamVersion = (ctx: Ctx) => withDb(async (db) => String((await db.query<{ version: number }>(`SELECT version FROM "Team" WHERE id = $1`, [ctx.teamA])).rows[0]!.version));
const incidentForm = (extra: Record<string, string> = {}) => formData({ title: 'Declared by matrix', severity: 'SEV3', kind: 'incident', visibility: 'team', startedAt: '2026-01-01T10:00', ...extra });

/** Team A's template as it stands, re-submitted unchanged with its versions (so no call conflicts with the previous). */
const currentTemplate = (ctx: Ctx) => withDb(async (db) => {
  const { rows } = await db.query<{ id: string; title: string; guidance: string; version: number }>(
    `SELECT id, title, guidance, version FROM "TemplateSection" WHERE "teamId" = $1 ORDER BY position, key`, [ctx.teamA]);
  const sections = rows.length ? rows.map(({ id, title, guidance }) => ({ id, title, guidance })) : [{ title: 'Summary', guidance: '' }];
  return JSON.stringify({ sections, versions: Object.fromEntries(rows.map((r) => [r.id, r.version])) });
});

/** A fresh incident of team A with one unowned action item at version 1. */
const freshAction = (ctx: Ctx) => withDb(async (db) => {
  const incident = await insertIncident(db, ctx.teamA, { title: `Matrix actions ${ctx.unique()}` });
  return { incidentId: incident.id, actionId: await insertAction(db, ctx.teamA, incident.id, { title: `Matrix action ${ctx.unique()}` }) };
});
/** Contributing factors: a fresh factor of team A, and a fresh incident of team A with it linked (version 1). */
const freshFactor = (ctx: Ctx) => withDb((db) => insertFactor(db, ctx.teamA, `Matrix factor ${ctx.unique()}`));
const freshFactorLink = (ctx: Ctx) => withDb(async (db) => {
  const incident = await insertIncident(db, ctx.teamA, { title: `Matrix factors ${ctx.unique()}` });
  const linkId = await insertIncidentFactor(db, incident.id, await insertFactor(db, ctx.teamA, `Matrix linked ${ctx.unique()}`));
  return { number: incident.number, linkId };
});

/** Review meetings: a fresh running meeting of team A (admin A attends; viewer A does not), with one pending item at version 1. */
const freshMeeting = (ctx: Ctx) => withDb(async (db) => {
  const meetingId = await insertMeeting(db, ctx.teamA, { attendeeIds: [ctx.users.adminA] });
  return { meetingId, itemId: await insertMeetingItem(db, meetingId) };
});
/** A fresh note by editor A in a fresh running meeting: only its author may edit or delete it. */
const editorsNote = (ctx: Ctx) => withDb(async (db) => insertMeetingNote(db, await insertMeeting(db, ctx.teamA), ctx.users.editorA));
const endRunningMeetings = (ctx: Ctx) => withDb(async (db) => {
  await db.query(`UPDATE "ReviewMeeting" SET status = 'ended', "endedAt" = now() WHERE "teamId" = $1 AND status = 'in_progress'`, [ctx.teamA]);
});
/** A fresh webhook endpoint of team A at version 1. */
const freshWebhook = (ctx: Ctx) => withDb((db) => insertWebhookEndpoint(db, ctx.teamA));
const authorEditorA: Expect = { anonymous: 'deny', viewerA: 'deny', editorA: 'allow', adminA: 'deny', adminB: 'deny' };

/** The smallest valid team export (an empty team), as the team import page uploads it. */
const emptyExport = (ctx: Ctx) => {
  const at = new Date().toISOString();
  const doc = {
    format: 'hindsight-team-export', version: 1, exportedAt: at,
    team: { slug: 'exported', name: 'Exported', timeZone: 'UTC', reviewWeekday: 2, reviewTime: '10:00', nextIncidentNo: 1, blamelessAllowList: [], version: 1, createdAt: at, updatedAt: at },
    users: [], members: [], services: [], templateSections: [], factors: [], incidents: [], actionItems: [], meetings: [], alertIntegrations: [], webhookEndpoints: [],
  };
  const form = formData({ name: 'Imported by matrix', slug: `imported-${ctx.unique()}` });
  form.set('file', new Blob([JSON.stringify(doc)], { type: 'application/json' }), 'export.json');
  return form;
};
const csvImport = { fileName: 'matrix.csv', csv: 'title,severity,started\nImported by matrix,SEV3,2024-01-01 10:00\n', defaultTimeZone: 'UTC' };

const ACTIONS: Record<string, ActionRow> = {
  'app/sign-up/actions.ts#signUpAction': {
    expect: everyone,
    args: async (ctx) => [{}, formData({ name: 'New Person', email: `new-${ctx.unique()}@matrix.test`, password: 'an uncommon passphrase' })],
  },
  'app/teams/new/actions.ts#createTeamAction': {
    expect: signedIn,
    args: async (ctx) => [{}, formData({ name: 'Made by matrix', slug: `made-${ctx.unique()}`, timeZone: 'UTC' })],
  },
  'app/teams/new/import/actions.ts#importTeamAction': { expect: signedIn, args: async (ctx) => [{}, emptyExport(ctx)] },
  // CSV import of historic incidents: editors and admins of A preview and import.
  'app/t/[team]/incidents/import/actions.ts#previewCsvImportAction': { expect: editorsOfA, args: async () => [A, csvImport] },
  'app/t/[team]/incidents/import/actions.ts#importCsvAction': { expect: editorsOfA, args: async () => [A, { ...csvImport, expectedCount: 1 }] },
  'app/account/actions.ts#signOutEverywhereAction': { expect: signedIn, args: async () => [{}], endsSessions: true },
  'app/invite/[token]/actions.ts#acceptInviteAction': {
    // Members of A are told they are members already (not a denial); admin B joins, and is removed again.
    expect: signedIn,
    args: async (ctx) => [(await withDb((db) => insertInvite(db, ctx.teamA))).token, {}, formData({})],
    restore: restoreMemberships,
  },
  'app/t/[team]/settings/members/actions.ts#changeRoleAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ membershipId: await freshMember(ctx), role: 'editor', version: '1' })],
  },
  'app/t/[team]/settings/members/actions.ts#removeMemberAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ membershipId: await freshMember(ctx) })],
  },
  'app/t/[team]/settings/members/actions.ts#createInviteAction': { expect: adminOfA, args: async () => [A, {}, formData({ role: 'viewer', expiresInDays: '7' })] },
  'app/t/[team]/settings/members/actions.ts#revokeInviteAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ inviteId: (await withDb((db) => insertInvite(db, ctx.teamA))).id })],
  },
  'app/t/[team]/settings/members/actions.ts#leaveTeamAction': {
    // Any member may leave (admin A is refused as the last admin, which is a rule, not a denial).
    expect: membersOfA,
    args: async () => [A, {}, formData({})],
    restore: restoreMemberships,
  },
  'app/t/[team]/incidents/[number]/postmortem/actions.ts#saveSectionAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, await freshSection(ctx), 'Saved by the matrix.', 1],
  },
  'app/t/[team]/incidents/[number]/postmortem/actions.ts#restoreRevisionAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, {}, formData({ sectionId: await freshSection(ctx), revisionVersion: '1', version: '1' })],
  },
  // Review workflow: each call gets its own incident in the state the transition starts from.
  'app/t/[team]/incidents/[number]/postmortem/review-actions.ts#requestReviewAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, await reviewIncident(ctx, 'draft', null), {}, formData({ reviewerIds: ctx.users.adminA })],
  },
  'app/t/[team]/incidents/[number]/postmortem/review-actions.ts#decideReviewAction': {
    // Only the named reviewer may decide (admin A here: editor A and viewer A are refused as not named).
    expect: adminOfA,
    args: async (ctx) => [A, await reviewIncident(ctx, 'in_review', 'requested'), {}, formData({ decision: 'approved', comments: 'Approved by the matrix.', version: '1' })],
  },
  'app/t/[team]/incidents/[number]/postmortem/review-actions.ts#publishAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, await reviewIncident(ctx, 'in_review', 'approved'), {}, formData({})],
  },
  'app/t/[team]/incidents/[number]/postmortem/review-actions.ts#reopenAction': {
    expect: adminOfA,
    args: async (ctx) => [A, await reviewIncident(ctx, 'published', 'approved'), {}, formData({ reason: 'Reopened by the matrix.' })],
  },
  'app/t/[team]/incidents/[number]/postmortem/review-actions.ts#withdrawAction': {
    expect: editorsOfA,
    args: async (ctx) => {
      const incidentId = await reviewIncident(ctx, 'in_review', 'requested');
      return [A, incidentId, {}, formData({ reviews: await seenReviews(incidentId) })];
    },
  },
  // Comments: any member who can see the incident comments; the thread's author (admin A here) and
  // editors resolve; only the author edits or deletes.
  'app/t/[team]/incidents/[number]/postmortem/comment-actions.ts#addCommentAction': {
    expect: membersOfA,
    args: async (ctx) => [A, (await commentThread(ctx)).incidentId, {}, formData({ body: 'Commented by the matrix.', sectionKey: 'summary' })],
  },
  'app/t/[team]/incidents/[number]/postmortem/comment-actions.ts#resolveThreadAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, {}, formData({ commentId: (await commentThread(ctx)).commentId, resolved: 'true' })],
  },
  'app/t/[team]/incidents/[number]/postmortem/comment-actions.ts#editCommentAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ commentId: (await commentThread(ctx)).commentId, body: 'Edited by the matrix.', version: '1' })],
  },
  'app/t/[team]/incidents/[number]/postmortem/comment-actions.ts#deleteCommentAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ commentId: (await commentThread(ctx)).commentId, version: '1' })],
  },
  'app/t/[team]/incidents/[number]/timeline/actions.ts#addEventAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshEvent(ctx)).number, matrixEntry()],
  },
  'app/t/[team]/incidents/[number]/timeline/actions.ts#importEventsAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshEvent(ctx)).number, [matrixEntry(), matrixEntry()]],
  },
  'app/t/[team]/incidents/[number]/timeline/actions.ts#updateEventAction': {
    expect: editorsOfA,
    args: async (ctx) => {
      const e = await freshEvent(ctx);
      return [A, e.number, e.eventId, { version: 1, body: 'Edited by the matrix.' }];
    },
  },
  'app/t/[team]/incidents/[number]/timeline/actions.ts#deleteEventAction': {
    expect: editorsOfA,
    args: async (ctx) => {
      const e = await freshEvent(ctx);
      return [A, e.number, e.eventId, 1];
    },
  },
  'app/t/[team]/incidents/new/actions.ts#createIncidentAction': { expect: editorsOfA, args: async () => [A, {}, incidentForm()] },
  'app/t/[team]/incidents/[number]/edit/actions.ts#updateIncidentAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshIncident(ctx)).id, {}, incidentForm({ version: '1' })],
  },
  // Action items: editors and admins; an owner may change the status of their own (these are unowned).
  'app/t/[team]/incidents/[number]/actions/actions.ts#createActionAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshAction(ctx)).incidentId, {}, formData({ title: 'Added by the matrix', type: 'prevent', priority: 'P2' })],
  },
  'app/t/[team]/incidents/[number]/actions/actions.ts#updateActionAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshAction(ctx)).actionId, {}, formData({ version: '1', title: 'Edited by the matrix', type: 'detect', priority: 'P1' })],
  },
  'app/t/[team]/actions/actions.ts#changeActionStatusAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshAction(ctx)).actionId, {}, formData({ version: '1', status: 'done' })],
  },
  'app/t/[team]/actions/actions.ts#bulkChangeStatusAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, {}, formData({ selected: `${(await freshAction(ctx)).actionId}:1`, status: 'in_progress' })],
  },
  // Review meetings: editors start and end them; attendees and editors take notes, mark items and reviews; only an entry's author edits or deletes it.
  'app/t/[team]/review/meetings/actions.ts#startMeetingAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, {}, formData({ attendeeIds: ctx.users.adminA, facilitatorId: ctx.users.adminA })],
    restore: endRunningMeetings,
  },
  'app/t/[team]/review/meetings/actions.ts#addNoteAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshMeeting(ctx)).meetingId, {}, formData({ kind: 'note', body: 'Noted by the matrix.' })],
  },
  'app/t/[team]/review/meetings/actions.ts#editNoteAction': {
    expect: authorEditorA,
    args: async (ctx) => [A, await editorsNote(ctx), {}, formData({ body: 'Edited by the matrix.', version: '1' })],
  },
  'app/t/[team]/review/meetings/actions.ts#deleteNoteAction': {
    expect: authorEditorA,
    args: async (ctx) => [A, await editorsNote(ctx), {}, formData({ version: '1' })],
  },
  'app/t/[team]/review/meetings/actions.ts#setItemStatusAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshMeeting(ctx)).itemId, {}, formData({ status: 'discussed', version: '1' })],
  },
  'app/t/[team]/review/meetings/actions.ts#markReviewedAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshMeeting(ctx)).meetingId, (await freshIncident(ctx)).id, {}, formData({})],
  },
  'app/t/[team]/review/meetings/actions.ts#endMeetingAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshMeeting(ctx)).meetingId, {}, formData({ version: '1' })],
  },
  'app/account/profile-actions.ts#saveProfileAction': { expect: signedIn, args: async () => [{}, formData({ timeZone: 'UTC' })] },
  'app/t/[team]/settings/template/actions.ts#saveTemplateAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ payload: await currentTemplate(ctx) })],
  },
  'app/t/[team]/settings/template/actions.ts#saveAllowListAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ phrases: 'Careless Whisper', version: await teamVersion(ctx) })],
  },
  // The weekly review's schedule (Team.reviewWeekday / reviewTime): admins, version-checked on the team.
  'app/t/[team]/settings/review/actions.ts#saveCadenceAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ weekday: '3', time: '11:00', version: await teamVersion(ctx) })],
  },
  // Contributing factors: editors create, edit and link; admins archive and merge; any member gets suggestions.
  'app/t/[team]/factors/actions.ts#createFactorAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, {}, formData({ name: `Matrix created ${ctx.unique()}`, category: 'process', description: '' })],
  },
  'app/t/[team]/factors/[id]/actions.ts#updateFactorAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, {}, formData({ id: await freshFactor(ctx), version: '1', name: `Matrix renamed ${ctx.unique()}`, category: 'process', description: '' })],
  },
  'app/t/[team]/factors/[id]/actions.ts#archiveFactorAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ id: await freshFactor(ctx), version: '1', archived: 'true' })],
  },
  'app/t/[team]/factors/[id]/actions.ts#mergeFactorAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ sourceId: await freshFactor(ctx), survivorId: await freshFactor(ctx) })],
  },
  'app/t/[team]/incidents/[number]/factors/actions.ts#suggestFactorsAction': { expect: membersOfA, args: async () => [A, 'matrix factor'] },
  'app/t/[team]/incidents/[number]/factors/actions.ts#linkFactorAction': {
    expect: editorsOfA,
    args: async (ctx) => [A, (await freshIncident(ctx)).number, {}, formData({ factorId: await freshFactor(ctx), howItContributed: 'Linked by the matrix.' })],
  },
  'app/t/[team]/incidents/[number]/factors/actions.ts#updateLinkAction': {
    expect: editorsOfA,
    args: async (ctx) => {
      const l = await freshFactorLink(ctx);
      return [A, l.number, {}, formData({ linkId: l.linkId, version: '1', howItContributed: 'Edited by the matrix.' })];
    },
  },
  'app/t/[team]/incidents/[number]/factors/actions.ts#unlinkFactorAction': {
    expect: editorsOfA,
    args: async (ctx) => {
      const l = await freshFactorLink(ctx);
      return [A, l.number, {}, formData({ linkId: l.linkId, version: '1' })];
    },
  },
  'app/t/[team]/settings/tokens/actions.ts#createTokenAction': { expect: adminOfA, args: async () => [A, {}, formData({ name: 'matrix', role: 'viewer' })] },
  'app/t/[team]/settings/tokens/actions.ts#revokeTokenAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ id: (await withDb((db) => insertToken(db, ctx.teamA, 'viewer'))).id })],
  },
  // Alert sources: admins of A only (a second connect of the same source is a conflict, not a denial).
  'app/t/[team]/settings/alerts/actions.ts#connectAlertSourceAction': { expect: adminOfA, args: async () => [A, {}, formData({ source: 'generic' })] },
  'app/t/[team]/settings/alerts/actions.ts#rotateAlertSecretAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ source: 'alertmanager', version: String(await alertIntegration(ctx, 'alertmanager')) })],
  },
  'app/t/[team]/settings/alerts/actions.ts#saveAlertSettingsAction': {
    expect: adminOfA,
    args: async (ctx) => [A, {}, formData({ source: 'pagerduty', enabled: 'on', defaultSeverity: 'SEV3', version: String(await alertIntegration(ctx, 'pagerduty')) })],
  },
  // Webhooks: admins of A only, each call on a fresh endpoint of A (port 9 refuses the test event at once).
  'app/t/[team]/settings/webhooks/actions.ts#createWebhookAction': { expect: adminOfA, args: async () => [A, {}, formData({ url: 'http://127.0.0.1:9/matrix', events: 'incident.created' })] },
  'app/t/[team]/settings/webhooks/actions.ts#updateWebhookAction': {
    expect: adminOfA,
    args: async (ctx) => [A, await freshWebhook(ctx), {}, formData({ url: 'http://127.0.0.1:9/matrix-edited', events: 'incident.resolved', enabled: 'true', version: '1' })],
  },
  'app/t/[team]/settings/webhooks/actions.ts#rotateWebhookSecretAction': { expect: adminOfA, args: async (ctx) => [A, await freshWebhook(ctx), {}] },
  'app/t/[team]/settings/webhooks/actions.ts#deleteWebhookAction': { expect: adminOfA, args: async (ctx) => [A, await freshWebhook(ctx), {}] },
  'app/t/[team]/settings/webhooks/actions.ts#sendTestWebhookAction': { expect: adminOfA, args: async (ctx) => [A, await freshWebhook(ctx), {}] },
};

/** 'secret': an alert webhook, authenticated by the team's integration secret, never by a session or token. */
type Auth = 'public' | 'session' | 'token' | 'secret';
interface RouteRow {
  auth: Auth;
  expect: Expect;
  /** A fixed path, or one built on fresh fixtures for each persona's call. */
  path: string | ((ctx: Ctx) => Promise<string>);
  /** The JSON body (default: {} for POST, none otherwise). */
  data?: unknown;
}
const ROUTES: Record<string, RouteRow> = {
  'GET /api/health': { auth: 'public', expect: everyone, path: '/api/health' },
  'GET /api/ready': { auth: 'public', expect: everyone, path: '/api/ready' },
  'GET /api/v1/openapi.json': { auth: 'public', expect: everyone, path: '/api/v1/openapi.json' },
  'GET /api/auth/[...nextauth]': { auth: 'session', expect: everyone, path: '/api/auth/session' },
  'POST /api/auth/[...nextauth]': { auth: 'session', expect: everyone, path: '/api/auth/_log' },
  // Tokens: personas hold a token of their role on their team; admin B's token sees only team B.
  'GET /api/v1/team': { auth: 'token', expect: signedIn, path: '/api/v1/team' },
  'GET /api/v1/members': { auth: 'token', expect: signedIn, path: '/api/v1/members' },
  'GET /api/v1/incidents': { auth: 'token', expect: signedIn, path: '/api/v1/incidents' },
  'POST /api/v1/incidents': { auth: 'token', expect: editorTokens, path: '/api/v1/incidents' },
  'GET /api/v1/metrics': { auth: 'token', expect: signedIn, path: '/api/v1/metrics' },
  // A team A incident: admin B's token gets 404 for it.
  'GET /api/v1/incidents/[id]': { auth: 'token', expect: membersOfA, path: async (ctx) => `/api/v1/incidents/${(await freshIncident(ctx)).id}` },
  'PATCH /api/v1/incidents/[id]': { auth: 'token', expect: editorsOfA, path: async (ctx) => `/api/v1/incidents/${(await freshIncident(ctx)).id}` },
  // Editor tokens of team A; admin B's token gets 404 for team A's incident and entries.
  'POST /api/v1/incidents/[id]/timeline': {
    auth: 'token',
    expect: editorsOfA,
    path: async (ctx) => `/api/v1/incidents/${(await freshEvent(ctx)).id}/timeline`,
    data: { occurredAt: '2026-03-01T10:00:00.000Z', kind: 'note', body: 'Posted by the matrix.' },
  },
  'PATCH /api/v1/timeline/[id]': {
    auth: 'token',
    expect: editorsOfA,
    path: async (ctx) => `/api/v1/timeline/${(await freshEvent(ctx)).eventId}`,
    data: { version: 1, body: 'Patched by the matrix.' },
  },
  'DELETE /api/v1/timeline/[id]': { auth: 'token', expect: editorsOfA, path: async (ctx) => `/api/v1/timeline/${(await freshEvent(ctx)).eventId}?version=1` },
  // Action items: token routes (admin B's token gets 404 for team A's incidents and actions; its list is its own team's).
  'POST /api/v1/incidents/[id]/actions': {
    auth: 'token',
    expect: editorsOfA,
    path: async (ctx) => `/api/v1/incidents/${(await freshAction(ctx)).incidentId}/actions`,
    data: { title: 'Posted by the matrix', type: 'process' },
  },
  'GET /api/v1/actions': { auth: 'token', expect: signedIn, path: '/api/v1/actions' },
  'GET /api/v1/actions/[id]': { auth: 'token', expect: membersOfA, path: async (ctx) => `/api/v1/actions/${(await freshAction(ctx)).actionId}` },
  'PATCH /api/v1/actions/[id]': { auth: 'token', expect: editorsOfA, path: async (ctx) => `/api/v1/actions/${(await freshAction(ctx)).actionId}`, data: { version: 1, status: 'done' } },
  // Session route: members of A (viewers too) download the board's CSV; anonymous is 401, admin B 404.
  'GET /t/[team]/actions/export': { auth: 'session', expect: membersOfA, path: `/t/${A}/actions/export` },
  // Contributing factors over the API: editor tokens of A link (by name, created once, then found); any token reads its own catalog.
  'POST /api/v1/incidents/[id]/factors': {
    auth: 'token',
    expect: editorsOfA,
    path: async (ctx) => `/api/v1/incidents/${(await freshIncident(ctx)).id}/factors`,
    data: { factor: 'Posted by the matrix', category: 'technical', howItContributed: 'Linked over the API by the matrix.' },
  },
  'GET /api/v1/factors': { auth: 'token', expect: signedIn, path: '/api/v1/factors' },
  // Alert webhooks: personas send their session cookie but no signature, so all get 401 (a signed delivery is checked after the loop).
  'POST /api/v1/webhooks/alerts/[source]': {
    auth: 'secret',
    expect: nobody,
    path: async (ctx) => {
      await alertIntegration(ctx, 'generic');
      return `/api/v1/webhooks/alerts/generic?team=${A}`;
    },
    data: matrixAlert,
  },
  // Session route: members of A (viewers too) download the Markdown; anonymous is 401, admin B 404.
  // The weekly review agenda as Markdown: any member of the team (404 for others).
  'GET /t/[team]/review/agenda.md': { auth: 'session', expect: membersOfA, path: `/t/${A}/review/agenda.md` },
  'GET /t/[team]/incidents/[number]/export': { auth: 'session', expect: membersOfA, path: async (ctx) => `/t/${A}/incidents/${(await freshIncident(ctx)).number}/export` },
  'GET /t/[team]/metrics/export': { auth: 'session', expect: membersOfA, path: `/t/${A}/metrics/export` },
  // The whole team as JSON: admins of A only (403 for editors and viewers, 404 for admin B); the archive of published post-mortems: any member.
  'GET /t/[team]/settings/data/export.json': { auth: 'session', expect: adminOfA, path: `/t/${A}/settings/data/export.json` },
  'GET /t/[team]/postmortems.zip': { auth: 'session', expect: membersOfA, path: `/t/${A}/postmortems.zip` },
  // Session route: members of A (viewers too) download a meeting's minutes; anonymous is 401, admin B 404.
  'GET /t/[team]/review/meetings/[id]/minutes': { auth: 'session', expect: membersOfA, path: async (ctx) => `/t/${A}/review/meetings/${(await freshMeeting(ctx)).meetingId}/minutes` },
};

function discoverRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = fs.readFileSync(full, 'utf8');
        const methods = new Set([...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!));
        for (const m of source.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
        const route = '/' + path.relative(path.join(ROOT, 'app'), path.dirname(full)).split(path.sep).join('/');
        for (const method of methods) found.push(`${method} ${route}`);
      }
    }
  };
  walk(path.join(ROOT, 'app'));
  return found.sort();
}

function classifyAction(status: number, body: string, redirect: string | null): Outcome {
  expect(status, `server error: ${body.slice(0, 300)}`).toBeLessThan(500);
  if (status === 401 || status === 403 || status === 404) return 'deny';
  if (redirect && /\/sign-in/.test(redirect)) return 'deny';
  return /"denied":true/.test(body) ? 'deny' : 'allow';
}

test.describe.configure({ mode: 'serial' });

test('authorization matrix: every server action and route handler, five personas', async ({ baseURL }) => {
  test.setTimeout(240_000);
  let counter = 0;
  const unique = () => `${run}-${++counter}`;
  const ctx = await withDb(async (db) => {
    const teamA = await insertTeam(db, A);
    const teamB = await insertTeam(db, B);
    const users = {
      viewerA: await insertUser(db, `viewer-${run}@matrix.test`, PASSWORD),
      editorA: await insertUser(db, `editor-${run}@matrix.test`, PASSWORD),
      adminA: await insertUser(db, `admin-${run}@matrix.test`, PASSWORD),
      adminB: await insertUser(db, `adminb-${run}@matrix.test`, PASSWORD),
    };
    await insertMembership(db, teamA, users.viewerA, 'viewer');
    await insertMembership(db, teamA, users.editorA, 'editor');
    await insertMembership(db, teamA, users.adminA, 'admin');
    await insertMembership(db, teamB, users.adminB, 'admin');
    const tokens = {
      viewerA: (await insertToken(db, teamA, 'viewer')).token,
      editorA: (await insertToken(db, teamA, 'editor')).token,
      adminA: (await insertToken(db, teamA, 'admin')).token,
      adminB: (await insertToken(db, teamB, 'admin')).token,
    };
    return { teamA, users, tokens, unique };
  });
  // Incident 1 of team A: the sample [number] of the incident pages server actions are posted to;
  // a factor of team A: the sample [id] of the factor page.
  await freshIncident(ctx);
  const sampleFactor = await freshFactor(ctx);
  // An ended meeting of team A: the sample [id] of the meeting pages (it blocks no start).
  const sampleMeeting = await withDb((db) => insertMeeting(db, ctx.teamA, { status: 'ended' }));
  const emails: Record<Exclude<Persona, 'anonymous'>, string> = {
    viewerA: `viewer-${run}@matrix.test`,
    editorA: `editor-${run}@matrix.test`,
    adminA: `admin-${run}@matrix.test`,
    adminB: `adminb-${run}@matrix.test`,
  };
  const contexts = new Map<Persona, APIRequestContext>();
  const signIn = async (persona: Persona) => {
    await contexts.get(persona)?.dispose();
    const context = await playwrightRequest.newContext({ baseURL });
    if (persona !== 'anonymous') await signInRequest(context, emails[persona], PASSWORD);
    contexts.set(persona, context);
  };
  for (const persona of PERSONAS) await signIn(persona);

  // Every endpoint has a row, and every row is a real endpoint.
  const actions = listServerActions(baseURL);
  expect(actions.map((a) => a.key).sort()).toEqual(Object.keys(ACTIONS).sort());
  expect(discoverRoutes()).toEqual(Object.keys(ROUTES).sort());

  const unexpected: string[] = [];
  const actionUrl = (action: ServerActionInfo) => pagePath(action.page, { team: A, token: 'matrix', number: '1', id: action.page.includes('/review/meetings/') ? sampleMeeting : sampleFactor });
  for (const action of actions as ServerActionInfo[]) {
    const row = ACTIONS[action.key]!;
    for (const persona of PERSONAS) {
      const args = await row.args(ctx);
      const result = await callServerAction(contexts.get(persona)!, action, actionUrl(action), args);
      const outcome = classifyAction(result.status, result.body, result.redirect);
      if (outcome !== row.expect[persona]) unexpected.push(`${action.key} as ${persona}: expected ${row.expect[persona]}, got ${outcome} (${result.status} ${result.body.slice(0, 160)})`);
      await row.restore?.(ctx);
      if (row.endsSessions && persona !== 'anonymous') await signIn(persona);
    }
  }

  for (const [key, row] of Object.entries(ROUTES)) {
    const method = key.split(' ')[0]!;
    for (const persona of PERSONAS) {
      const headers: Record<string, string> = {};
      let context = contexts.get(persona)!;
      if (row.auth === 'token') {
        context = contexts.get('anonymous')!;
        if (persona !== 'anonymous') headers.authorization = `Bearer ${ctx.tokens[persona]}`;
      }
      const target = typeof row.path === 'string' ? row.path : await row.path(ctx);
      const response = await context.fetch(target, { method, headers, maxRedirects: 0, data: row.data ?? (method === 'POST' ? {} : undefined) });
      expect(response.status(), `${key} as ${persona}`).toBeLessThan(500);
      const outcome: Outcome = [401, 403, 404].includes(response.status()) ? 'deny' : 'allow';
      if (outcome !== row.expect[persona]) unexpected.push(`${key} as ${persona}: expected ${row.expect[persona]}, got ${response.status()}`);
      if (row.auth === 'token' && outcome === 'allow') {
        // A token only ever sees its own team.
        const body = JSON.stringify(await response.json());
        const other = persona === 'adminB' ? [A, emails.adminA] : [B, emails.adminB];
        for (const marker of other) expect(body, `${key} as ${persona} leaks the other team`).not.toContain(marker);
      }
    }
  }

  // Boundary checks, the matrix again with headers an attacker controls:
  // - x-middleware-subrequest (the header that once let a request skip Next's middleware): every
  //   denied cell stays denied (authorization never rests on the proxy alone);
  // - a cross-site Origin and Sec-Fetch-Site, with the persona's cookies (what a browser sends when
  //   another site posts a form) and no API token (another site has none): every state-changing
  //   call is refused for everyone, and reads give nobody more than the plain matrix did.
  // A refused call changes nothing, so each endpoint's arguments are built once per variant.
  const VARIANTS: { name: string; headers: Record<string, string>; crossSite: boolean }[] = [
    { name: 'x-middleware-subrequest', headers: { 'x-middleware-subrequest': SUBREQUEST }, crossSite: false },
    { name: 'cross-site', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, crossSite: true },
  ];
  for (const variant of VARIANTS) {
    for (const action of actions as ServerActionInfo[]) {
      const row = ACTIONS[action.key]!;
      const personas = PERSONAS.filter((p) => variant.crossSite || row.expect[p] === 'deny');
      if (!personas.length) continue;
      const args = await row.args(ctx);
      for (const persona of personas) {
        const result = await callServerAction(contexts.get(persona)!, action, actionUrl(action), args, variant.headers);
        const outcome = classifyAction(result.status, result.body, result.redirect);
        if (outcome !== 'deny') unexpected.push(`${variant.name}: ${action.key} as ${persona} got through (${result.status} ${result.body.slice(0, 160)})`);
      }
      await row.restore?.(ctx);
    }
    for (const [key, row] of Object.entries(ROUTES)) {
      const method = key.split(' ')[0]!;
      const write = method !== 'GET';
      const expected = (persona: Persona): Outcome => {
        if (!variant.crossSite) return row.expect[persona];
        if (write && !(row.auth === 'public' || row.auth === 'secret')) return 'deny';
        return row.auth === 'token' ? 'deny' : row.expect[persona];
      };
      const personas = PERSONAS.filter((p) => expected(p) === 'deny');
      if (!personas.length) continue;
      const target = typeof row.path === 'string' ? row.path : await row.path(ctx);
      for (const persona of personas) {
        const headers: Record<string, string> = { ...variant.headers };
        let context = contexts.get(persona)!;
        if (row.auth === 'token' && !variant.crossSite) {
          context = contexts.get('anonymous')!;
          if (persona !== 'anonymous') headers.authorization = `Bearer ${ctx.tokens[persona]}`;
        }
        const response = await context.fetch(target, { method, headers, maxRedirects: 0, data: row.data ?? (method === 'POST' ? {} : undefined) });
        expect(response.status(), `${variant.name}: ${key} as ${persona}`).toBeLessThan(500);
        if (![401, 403, 404].includes(response.status())) unexpected.push(`${variant.name}: ${key} as ${persona} got through (${response.status()})`);
      }
    }
  }

  // The alert webhook's real boundary: the same delivery signed with team A's secret is accepted.
  await alertIntegration(ctx, 'generic');
  const signed = JSON.stringify(matrixAlert);
  const delivery = await contexts.get('anonymous')!.fetch(`/api/v1/webhooks/alerts/generic?team=${A}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hindsight-signature': signBody(ALERT_SECRET, signed) },
    data: signed,
  });
  expect([200, 202], 'a signed alert delivery').toContain(delivery.status());
  for (const c of contexts.values()) await c.dispose();
  expect(unexpected).toEqual([]);
});
