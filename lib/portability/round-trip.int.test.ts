import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createFactor, insertAction } from '@/lib/actions/action-fixtures';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { visibleIncidentsWhere } from '@/lib/teams/access';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { buildTeamExport, exportTeam } from './export';
import { importTeam, parseTeamExport } from './import';
import type { TeamExportJson } from './schemas';

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;
let viewer: TestMember;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Ids renamed by first appearance ("#0", "#1" ...) and the team's address and name dropped, so two exports of the same data compare equal. */
function normalize(doc: TeamExportJson): unknown {
  const names = new Map<string, string>();
  const rename = (id: string) => {
    if (!names.has(id)) names.set(id, `#${names.size}`);
    return names.get(id);
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return UUID.test(value) ? rename(value) : value.replace(UUID_IN_TEXT, (id) => rename(id) ?? id);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk({ ...doc, exportedAt: null, team: { ...doc.team, slug: null, name: null } });
}

beforeAll(async () => {
  team = await createTestTeam('Round trip');
  admin = await team.add('admin', 'Ada Admin');
  editor = await team.add('editor', 'Eve Editor');
  viewer = await team.add('viewer', 'Vic Viewer');
  const t = team.id;
  await db.team.update({ where: { id: t }, data: { timeZone: 'Europe/Berlin', reviewWeekday: 4, reviewTime: '15:30', blamelessAllowList: ['kill switch', 'master'] } });
  await db.templateSection.createMany({ data: [{ teamId: t, key: 'summary', title: 'Summary', position: 0, guidance: 'What happened' }, { teamId: t, key: 'impact', title: 'Impact', position: 1 }] });
  const outage = await createIncident(t, {
    title: 'Checkout outage', severity: 'SEV1', startedAt: '2024-03-01T10:00:00.123Z', resolvedAfterSeconds: 5401, services: ['checkout', 'payments'],
    sections: { summary: 'The cache expired.', impact: 'Orders failed.' }, timeline: ['Alert fired', 'Rolled back'],
  });
  const secret = await createIncident(t, { title: 'Credential leak', severity: 'SEV2', startedAt: '2024-04-02T08:00:00Z', visibility: 'restricted', members: [editor.userId], resolvedAfterMinutes: 30 });
  await createIncident(t, { title: 'Failover drill', severity: 'SEV4', kind: 'drill', startedAt: '2024-05-03T09:00:00Z', resolvedAfterMinutes: 45, services: ['db'] });
  await db.incident.update({ where: { id: outage.id }, data: { postmortemStatus: 'published', publishedAt: new Date('2024-03-04T12:00:00.456Z'), detectedAt: new Date('2024-03-01T10:05:00Z'), createdById: admin.userId } });
  const survivor = await createFactor(t, 'Cache expiry not monitored');
  await createFactor(t, 'Cache TTL unmonitored', { mergedIntoId: survivor, archived: true });
  await db.incidentFactor.create({ data: { incidentId: outage.id, factorId: survivor, howItContributed: 'No alert before the expiry.' } });
  const [firstEvent] = await db.timelineEvent.findMany({ where: { incidentId: outage.id }, orderBy: { occurredAt: 'asc' } });
  await db.timelineEvent.update({ where: { id: firstEvent!.id }, data: { isKeyMoment: true, kind: 'detection', authorId: editor.userId } });
  const meeting = await db.reviewMeeting.create({
    data: {
      teamId: t, status: 'ended', heldAt: new Date('2024-03-07T14:30:00Z'), endedAt: new Date('2024-03-07T15:00:00Z'), periodStart: new Date('2024-02-29T14:30:00Z'),
      periodEnd: new Date('2024-03-07T14:30:00Z'), facilitatorId: admin.userId, decisions: 'Monitor TTLs',
      attendees: { create: [{ userId: admin.userId }, { userId: editor.userId }] }, incidents: { create: [{ incidentId: outage.id, reviewedAt: new Date('2024-03-07T14:40:00Z'), notes: 'ok' }] },
      items: { create: [{ key: `incident:${outage.id}`, kind: 'incident', refId: outage.id, title: 'INC-1 Checkout outage', position: 0, status: 'discussed', discussedAt: new Date('2024-03-07T14:40:00Z') }, { key: 'metrics', kind: 'metrics', title: 'Metrics', position: 1, carriedOver: true }] },
    },
    select: { id: true, items: { select: { id: true }, where: { kind: 'incident' } } },
  });
  await db.meetingNote.create({ data: { meetingId: meeting.id, itemId: meeting.items[0]!.id, authorId: editor.userId, kind: 'decision', body: 'Add a TTL alert' } });
  const action = await insertAction(t, outage.id, { title: 'Alert on cache TTL', ownerId: editor.userId, dueDate: '2024-03-20', factorId: survivor, priority: 'P1' });
  await db.actionItem.update({ where: { id: action.id }, data: { timelineEventId: firstEvent!.id, meetingId: meeting.id, ticketUrl: 'https://tracker.example/T-1' } });
  await insertAction(t, secret.id, { title: 'Rotate keys', status: 'done' });
  const thread = await db.comment.create({ data: { incidentId: outage.id, sectionKey: 'summary', authorId: viewer.userId, body: 'Which cache?', resolvedAt: new Date('2024-03-03T10:00:00Z'), resolvedById: admin.userId } });
  await db.comment.create({ data: { incidentId: outage.id, parentId: thread.id, authorId: editor.userId, body: 'The session cache.' } });
  await db.review.create({ data: { incidentId: outage.id, reviewerId: viewer.userId, state: 'approved', comments: 'Clear.' } });
  const section = await db.postmortemSection.findFirstOrThrow({ where: { incidentId: outage.id, key: 'summary' } });
  await db.revision.create({ data: { incidentId: outage.id, entity: 'section', entityId: section.id, version: 1, content: { body: 'Draft', sectionId: section.id }, actorId: admin.userId } });
  await db.alertIntegration.create({ data: { teamId: t, source: 'pagerduty', secret: 'pd-secret', applyResolved: true, defaultSeverity: 'SEV2' } });
  await db.webhookEndpoint.create({ data: { teamId: t, url: 'https://hooks.example/h', events: ['incident.created'], secret: 'wh-secret' } });
});

describe('team export and import', () => {
  it('reproduces the team exactly through an export and an import into a new team', async () => {
    const { document: first, fileName } = await exportTeam(admin.actor);
    expect(fileName).toMatch(/^hindsight-team-[0-9a-f]+-\d{4}-\d{2}-\d{2}\.json$/);
    expect(first.incidents.map((i) => [i.number, i.visibility])).toEqual([[1, 'team'], [2, 'restricted'], [3, 'team']]);
    const text = JSON.stringify(first);
    expect(text).not.toMatch(/pd-secret|wh-secret|passwordHash/);

    const copy = await importTeam(db, admin.userId, { name: 'Round trip copy', slug: 'round-trip-copy' }, parseTeamExport(text));
    const second = await buildTeamExport(db, copy.teamId);
    expect(second.team).toMatchObject({ slug: 'round-trip-copy', name: 'Round trip copy', nextIncidentNo: 4 });
    // The one intended difference: webhooks come back disabled until an admin re-enables them.
    expect(second.webhookEndpoints).toEqual([{ ...first.webhookEndpoints[0], enabled: false }]);
    expect(first.webhookEndpoints[0]?.enabled).toBe(true);
    second.webhookEndpoints = first.webhookEndpoints;
    expect(normalize(second)).toEqual(normalize(first));
    // Fresh ids everywhere: nothing of the original team is shared.
    const originalIds = new Set(first.incidents.map((i) => i.id));
    expect(second.incidents.some((i) => originalIds.has(i.id))).toBe(false);
    expect(await auditCount(copy.teamId, 'team.import')).toBe(1);
    expect(await auditCount(team.id, 'team.export')).toBe(1);

    // The importer is admin of the copy and sees the restricted incident; the editor named on it too; search works.
    const copyAdmin = { ...admin.actor, teamId: copy.teamId, teamSlug: copy.slug };
    expect(await db.incident.count({ where: visibleIncidentsWhere(copyAdmin) })).toBe(3);
    const copyViewer = { ...viewer.actor, teamId: copy.teamId, teamSlug: copy.slug };
    expect(await db.incident.count({ where: visibleIncidentsWhere(copyViewer) })).toBe(2);
    const found = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Incident" WHERE "teamId" = ${copy.teamId}::uuid AND "searchVector" @@ plainto_tsquery('english', 'cache expired')`;
    expect(Number(found[0]?.n)).toBe(1);
  });

  it('creates unknown people as users without a password and makes the importer admin', async () => {
    const { document } = await exportTeam(admin.actor);
    document.users.push({ email: 'newcomer@elsewhere.test', name: 'New Comer', timeZone: null });
    document.members.push({ email: 'newcomer@elsewhere.test', role: 'editor', version: 1, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' });
    const copy = await importTeam(db, editor.userId, { name: 'Editor copy', slug: 'editor-copy' }, parseTeamExport(JSON.stringify(document)));
    const newcomer = await db.user.findUniqueOrThrow({ where: { email: 'newcomer@elsewhere.test' }, select: { passwordHash: true, memberships: { select: { role: true } } } });
    expect(newcomer).toEqual({ passwordHash: null, memberships: [{ role: 'editor' }] });
    expect(await db.membership.findFirst({ where: { teamId: copy.teamId, userId: editor.userId }, select: { role: true } })).toEqual({ role: 'admin' });
  });

  it('refuses other documents with a clear message and takes no address twice', async () => {
    await expect(async () => parseTeamExport('not json')).rejects.toThrow(/not JSON/);
    await expect(async () => parseTeamExport('{"format":"other","version":1}')).rejects.toThrow(/not a Hindsight team export/);
    await expect(async () => parseTeamExport('{"format":"hindsight-team-export","version":2}')).rejects.toThrow(/version/);
    const { document } = await exportTeam(admin.actor);
    expect(await errorCode(importTeam(db, admin.userId, { name: 'Again', slug: team.slug }, parseTeamExport(JSON.stringify(document))))).toBe('VALIDATION');
    document.actionItems[0]!.incident = '00000000-0000-4000-8000-000000000000';
    expect(await errorCode(importTeam(db, admin.userId, { name: 'Broken', slug: 'broken-copy' }, parseTeamExport(JSON.stringify(document))))).toBe('VALIDATION');
    expect(await db.team.count({ where: { slug: 'broken-copy' } })).toBe(0);
  });

  it('refuses an action whose ticket link the app would never store (javascript:, data:)', async () => {
    const { document } = await exportTeam(admin.actor);
    for (const ticketUrl of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>']) {
      document.actionItems[0]!.ticketUrl = ticketUrl;
      expect(() => parseTeamExport(JSON.stringify(document))).toThrow(/actionItems\.0\.ticketUrl/);
    }
  });

  it('is for admins only', async () => {
    expect(await errorCode(exportTeam(editor.actor))).toBe('FORBIDDEN');
    expect(await errorCode(exportTeam(viewer.actor))).toBe('FORBIDDEN');
  });
});
