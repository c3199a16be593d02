import { beforeAll, describe, expect, it } from 'vitest';
import { insertAction } from '@/lib/actions/action-fixtures';
import { updateAction } from '@/lib/actions/mutations';
import { db } from '@/lib/db';
import { createIncident as insertIncidentFixture } from '@/lib/incidents/incident-fixtures';
import { createIncident, updateIncident } from '@/lib/incidents/mutations';
import { decideReview, publishPostmortem, requestReview } from '@/lib/postmortem/review';
import { createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { enqueueWebhookEvent } from './outbox';
import { queueOverdueActionEvents } from './overdue-scan';

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;
let endpointId: string;

beforeAll(async () => {
  team = await createTestTeam('Webhook events');
  admin = await team.add('admin');
  editor = await team.add('editor');
  const ep = await db.webhookEndpoint.create({ data: { teamId: team.id, url: 'http://127.0.0.1:9/hook', events: ['incident.created', 'incident.resolved', 'postmortem.published', 'action.overdue'], secret: 's' }, select: { id: true } });
  endpointId = ep.id;
});

async function queued(event: string) {
  const rows = await db.webhookDelivery.findMany({ where: { endpointId, event }, orderBy: { createdAt: 'asc' }, select: { payload: true } });
  return rows.map((r) => r.payload as { type: string; team: { slug: string }; data: Record<string, unknown> });
}

describe('events queued by the domain layer', () => {
  it('createIncident queues incident.created with the API incident and its link', async () => {
    const incident = await createIncident(editor.actor, { title: 'Login <b>failures</b>', severity: 'SEV2', startedAt: '2026-03-01T10:00:00Z' });
    const [event] = (await queued('incident.created')).filter((p) => p.data.id === incident.id);
    expect(event).toMatchObject({ type: 'incident.created', team: { slug: team.slug } });
    expect(event?.data).toMatchObject({ id: incident.id, number: incident.number, title: 'Login <b>failures</b>', severity: 'SEV2', resolvedAt: null, url: `/t/${team.slug}/incidents/${incident.number}` });
  });

  it('updateIncident queues incident.resolved once, when resolvedAt is first set, and not on a rolled-back change', async () => {
    const incident = await createIncident(editor.actor, { title: 'Queue backlog', severity: 'SEV3', startedAt: '2026-03-01T10:00:00Z' });
    const ofThis = async () => (await queued('incident.resolved')).filter((p) => p.data.id === incident.id);
    const edited = await updateIncident(editor.actor, incident.id, { title: 'Queue backlog (EU)' }, incident.version);
    expect(await ofThis()).toHaveLength(0);

    // A stale save that would resolve it conflicts, and nothing is queued.
    expect(await errorCode(updateIncident(editor.actor, incident.id, { resolvedAt: '2026-03-01T11:00:00Z' }, incident.version))).toBe('CONFLICT');
    expect(await ofThis()).toHaveLength(0);

    const resolved = await updateIncident(editor.actor, incident.id, { resolvedAt: '2026-03-01T11:00:00Z' }, edited.version);
    const events = await ofThis();
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ status: 'resolved', resolvedAt: '2026-03-01T11:00:00.000Z', title: 'Queue backlog (EU)', version: resolved.version });

    // Correcting the resolution time is not a second resolution.
    await updateIncident(editor.actor, incident.id, { resolvedAt: '2026-03-01T11:05:00Z' }, resolved.version);
    expect(await ofThis()).toHaveLength(1);
  });

  it('leaves nothing queued when the transaction of the change rolls back', async () => {
    const before = await db.webhookDelivery.count({ where: { endpointId } });
    await expect(
      db.$transaction(async (tx) => {
        await enqueueWebhookEvent(tx, team.id, 'incident.created', { title: 'never' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.webhookDelivery.count({ where: { endpointId } })).toBe(before);
  });

  it('keeps the content of restricted incidents out of the payload', async () => {
    const incident = await createIncident(admin.actor, { title: 'Secret project outage', severity: 'SEV1', startedAt: '2026-03-01T10:00:00Z', visibility: 'restricted', summary: 'details' });
    const [event] = (await queued('incident.created')).filter((p) => p.data.id === incident.id);
    expect(event?.data).toMatchObject({ id: incident.id, visibility: 'restricted', title: null, summary: null, services: [] });
    expect(JSON.stringify(event)).not.toContain('Secret project');
  });

  it('publishPostmortem queues postmortem.published with the incident and the post-mortem link', async () => {
    const inc = await insertIncidentFixture(team.id, { title: 'Cache stampede', severity: 'SEV2', startedAt: '2026-03-02T10:00:00Z', resolvedAfterMinutes: 30 });
    await requestReview(editor.actor, inc.id, { reviewerIds: [admin.userId] });
    const review = await db.review.findFirstOrThrow({ where: { incidentId: inc.id }, select: { version: true } });
    await decideReview(admin.actor, inc.id, { decision: 'approved', comments: '', version: review.version });
    expect(await queued('postmortem.published')).toHaveLength(0);
    await publishPostmortem(editor.actor, inc.id);
    const events = await queued('postmortem.published');
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ incident: { id: inc.id, title: 'Cache stampede', postmortemStatus: 'published' }, url: `/t/${team.slug}/incidents/${inc.number}/postmortem` });
    // A second publish conflicts and queues nothing.
    expect(await errorCode(publishPostmortem(editor.actor, inc.id))).toBe('CONFLICT');
    expect(await queued('postmortem.published')).toHaveLength(1);
  });
});

describe('queueOverdueActionEvents', () => {
  it('announces an action once when its due day has passed in the team zone, and again after the due date changes', async () => {
    const zoned = await createTestTeam('Auckland');
    await db.team.update({ where: { id: zoned.id }, data: { timeZone: 'Pacific/Auckland' } });
    const owner = await zoned.add('editor', 'Olive Owner');
    const ep = await db.webhookEndpoint.create({ data: { teamId: zoned.id, url: 'http://127.0.0.1:9/hook', events: ['action.overdue'], secret: 's' }, select: { id: true } });
    const inc = await insertIncidentFixture(zoned.id, { title: 'Disk full', severity: 'SEV3', startedAt: '2026-03-01T00:00:00Z' });
    const action = await insertAction(zoned.id, inc.id, { title: 'Alert on disk usage', dueDate: '2026-03-10', ownerId: owner.userId });
    await insertAction(zoned.id, inc.id, { title: 'Done already', dueDate: '2026-03-01', status: 'done' });
    const count = () => db.webhookDelivery.count({ where: { endpointId: ep.id, event: 'action.overdue' } });

    // 2026-03-10T10:59Z is 23:59 on 10 March in Auckland (UTC+13): due today, not overdue.
    await queueOverdueActionEvents(new Date('2026-03-10T10:59:00Z'));
    expect(await count()).toBe(0);
    // 11:00Z is midnight, 11 March there: overdue (while it is still 10 March in UTC).
    await queueOverdueActionEvents(new Date('2026-03-10T11:00:00Z'));
    expect(await count()).toBe(1);
    await queueOverdueActionEvents(new Date('2026-03-12T11:00:00Z'));
    expect(await count()).toBe(1);
    const [payload] = await db.webhookDelivery.findMany({ where: { endpointId: ep.id }, select: { payload: true } });
    expect((payload?.payload as { data: unknown }).data).toMatchObject({ id: action.id, title: 'Alert on disk usage', dueDate: '2026-03-10', daysOverdue: 1, owner: { name: 'Olive Owner' }, incident: { number: inc.number, title: 'Disk full' }, url: `/t/${zoned.slug}/incidents/${inc.number}/actions` });

    // Postponed, then overdue again: announced again.
    const updated = await updateAction(owner.actor, action.id, { dueDate: '2026-03-20', version: action.version });
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { overdueNotifiedAt: true } })).toEqual({ overdueNotifiedAt: null });
    await queueOverdueActionEvents(new Date('2026-03-15T00:00:00Z'));
    expect(await count()).toBe(1);
    await queueOverdueActionEvents(new Date('2026-03-21T00:00:00Z'));
    expect(await count()).toBe(2);
    // Other edits leave the mark alone.
    await updateAction(owner.actor, action.id, { title: 'Alert on disk usage at 80 %', version: updated.version });
    await queueOverdueActionEvents(new Date('2026-03-22T00:00:00Z'));
    expect(await count()).toBe(2);
  });

  it('skips teams without a subscribed endpoint (no backlog announced later)', async () => {
    const quiet = await createTestTeam('Quiet');
    const inc = await insertIncidentFixture(quiet.id, { title: 'Old', severity: 'SEV4', startedAt: '2026-01-01T00:00:00Z' });
    const action = await insertAction(quiet.id, inc.id, { title: 'Old action', dueDate: '2026-01-05' });
    await queueOverdueActionEvents(new Date('2026-03-01T00:00:00Z'));
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: action.id }, select: { overdueNotifiedAt: true } })).toEqual({ overdueNotifiedAt: null });
  });
});
