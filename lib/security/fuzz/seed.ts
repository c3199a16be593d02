/**
 * For the fuzz tests: one team with an admin, an editor and a viewer, and at least one row of
 * every kind an endpoint can be pointed at (incidents with post-mortem sections, timeline, action
 * items, factors and links, comments, a meeting with notes, an invite, API tokens, an alert
 * integration, a webhook endpoint), so valid-shaped inputs reach the deep code paths.
 */
import { createFactor, insertAction } from '@/lib/actions/action-fixtures';
import { createIntegration } from '@/lib/alerts/alert-fixtures';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { addNote } from '@/lib/meetings/notes';
import { startMeeting } from '@/lib/meetings/meeting';
import { addComment } from '@/lib/postmortem/comments';
import { linkFactor } from '@/lib/factors/links';
import type { Role } from '@/lib/teams/access';
import { createInvite } from '@/lib/teams/invites';
import { createTestTeam, type TestMember } from '@/lib/teams/team-fixtures';
import { createToken } from '@/lib/tokens/mutations';
import { createEndpoint } from '@/lib/webhooks/mutations';

export const ROLES = ['admin', 'editor', 'viewer'] as const satisfies readonly Role[];

export interface FuzzWorld {
  teamId: string;
  slug: string;
  members: Record<Role, TestMember>;
  /** API tokens per role. */
  tokens: Record<Role, string>;
  inviteToken: string;
  /** Integration secrets by alert source. */
  alertSecrets: Record<'generic' | 'alertmanager', string>;
  incidentNumbers: number[];
  /** Ids of the seeded rows, by kind (incident, action, event, section, factor, link, ...). */
  ids: Record<string, string[]>;
}

async function ids(rows: Promise<{ id: string }[]>): Promise<string[]> {
  return (await rows).map((r) => r.id);
}

export async function seedFuzzWorld(name = 'Fuzz'): Promise<FuzzWorld> {
  const team = await createTestTeam(name);
  const members = { admin: await team.add('admin', 'Ada Admin'), editor: await team.add('editor', 'Eve Editor'), viewer: await team.add('viewer', 'Vic Viewer') };
  const admin = members.admin.actor;
  const sections = { summary: 'What happened.', impact: 'Who noticed.', 'root-causes': 'Systems, not people.' };
  const timeline = ['Alert fired', 'Rolled back'];
  const open = await createIncident(team.id, { title: 'Checkout latency', severity: 'SEV2', startedAt: '2026-01-10T10:00:00Z', services: ['checkout'], sections, timeline });
  const resolved = await createIncident(team.id, { title: 'Queue backlog', severity: 'SEV3', startedAt: '2026-02-01T08:00:00Z', resolvedAfterMinutes: 90, sections, timeline });
  const restricted = await createIncident(team.id, { title: 'Leaked key', severity: 'SEV1', startedAt: '2026-03-01T08:00:00Z', visibility: 'restricted', members: [members.editor.userId], sections, timeline });
  const factorId = await createFactor(team.id, 'Missing alert on queue depth');
  await createFactor(team.id, 'Manual deploy step');
  await insertAction(team.id, open.id, { title: 'Add queue alert', ownerId: members.editor.userId, dueDate: '2026-04-01', factorId });
  await insertAction(team.id, resolved.id, { title: 'Automate deploy', status: 'in_progress' });
  await linkFactor(admin, open.id, { factorId, howItContributed: 'Nobody was paged.' });
  await addComment(admin, open.id, { body: 'Is this the whole story?', sectionKey: 'summary' });
  const meeting = await startMeeting(admin, { attendeeIds: [members.admin.userId, members.editor.userId], facilitatorId: members.admin.userId });
  await addNote(admin, meeting.id, { kind: 'decision', body: 'Ship the alert first.' });
  const { token: inviteToken } = await createInvite(admin, { role: 'viewer', expiresInDays: 7 });
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await createToken(admin, { name: `fuzz ${role}`, role })).token;
  const alertSecrets = { generic: (await createIntegration(team.id, 'generic')).secret, alertmanager: (await createIntegration(team.id, 'alertmanager')).secret };
  await createEndpoint(admin, { url: 'https://hooks.example.test/hindsight', description: 'Fuzz', events: ['incident.created'], enabled: false });
  const incidentWhere = { incident: { teamId: team.id } };
  return {
    teamId: team.id,
    slug: team.slug,
    members,
    tokens,
    inviteToken,
    alertSecrets,
    incidentNumbers: [open.number, resolved.number, restricted.number],
    ids: {
      incident: [open.id, resolved.id, restricted.id],
      action: await ids(db.actionItem.findMany({ where: { teamId: team.id }, select: { id: true } })),
      event: await ids(db.timelineEvent.findMany({ where: incidentWhere, select: { id: true } })),
      section: await ids(db.postmortemSection.findMany({ where: incidentWhere, select: { id: true } })),
      factor: await ids(db.contributingFactor.findMany({ where: { teamId: team.id }, select: { id: true } })),
      link: await ids(db.incidentFactor.findMany({ where: incidentWhere, select: { id: true } })),
      comment: await ids(db.comment.findMany({ where: incidentWhere, select: { id: true } })),
      meeting: [meeting.id],
      note: await ids(db.meetingNote.findMany({ where: { meetingId: meeting.id }, select: { id: true } })),
      item: await ids(db.meetingItem.findMany({ where: { meetingId: meeting.id }, select: { id: true } })),
      invite: await ids(db.invite.findMany({ where: { teamId: team.id }, select: { id: true } })),
      token: await ids(db.apiToken.findMany({ where: { teamId: team.id }, select: { id: true } })),
      webhook: await ids(db.webhookEndpoint.findMany({ where: { teamId: team.id }, select: { id: true } })),
      integration: await ids(db.alertIntegration.findMany({ where: { teamId: team.id }, select: { id: true } })),
      revision: await ids(db.revision.findMany({ where: incidentWhere, select: { id: true } })),
      user: Object.values(members).map((m) => m.userId),
      membership: Object.values(members).map((m) => m.membershipId),
    },
  };
}
