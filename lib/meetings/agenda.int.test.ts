import { beforeAll, describe, expect, it } from 'vitest';
import { createFactor, insertAction } from '@/lib/actions/action-fixtures';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { agendaItemCount, buildAgenda, countAgendaItems, inProgressMeeting } from './agenda';
import type { Agenda } from './agenda-types';
import { getCadence, saveCadence } from './cadence-store';

// Friday 27 November 2026, 12:00 UTC.
const NOW = new Date('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/** The agenda, and a check that the incidents page's count (from counts, not rows) agrees with it. */
async function checkedAgenda(actor: Parameters<typeof buildAgenda>[0], options: { now: Date }): Promise<Agenda> {
  const agenda = await buildAgenda(actor, options);
  expect(await countAgendaItems(actor, options)).toBe(agendaItemCount(agenda));
  return agenda;
}

/** Links each (incident, factor) pair as a contributing factor. */
async function linkFactors(pairs: [incidentId: string, factorId: string][]) {
  for (const [incidentId, factorId] of pairs) await db.incidentFactor.create({ data: { incidentId, factorId, howItContributed: 'It did.' } });
}

const section = (agenda: Agenda, title: string) => agenda.sections.find((s) => s.title === title)!;
const keys = (agenda: Agenda, title: string) => section(agenda, title).items.map((i) => i.key);

async function endedMeeting(teamId: string, endedDaysAgo: number, items: { key: string; kind: string; refId: string | null; status: 'pending' | 'discussed' | 'carried_over' }[] = []) {
  const endedAt = new Date(NOW.getTime() - endedDaysAgo * DAY);
  return db.reviewMeeting.create({
    data: {
      teamId,
      status: 'ended',
      heldAt: new Date(endedAt.getTime() - 3_600_000),
      endedAt,
      periodStart: new Date(endedAt.getTime() - 7 * DAY),
      periodEnd: endedAt,
      items: { create: items.map((item, position) => ({ ...item, title: item.key, position })) },
    },
    select: { id: true },
  });
}

describe('buildAgenda without a previous meeting', () => {
  let team: TestTeam;
  let admin: TestMember;
  let viewer: TestMember;
  beforeAll(async () => {
    team = await createTestTeam('Agenda fresh');
    admin = await team.add('admin', 'Ada Admin');
    viewer = await team.add('viewer', 'Vic Viewer');
  });

  it('covers the last 7 days with every section in order, and links each item', async () => {
    const recent = await createIncident(team.id, { title: 'Checkout errors', severity: 'SEV2', startedAt: ago(3), resolvedAfterMinutes: 65 });
    const open = await createIncident(team.id, { title: 'Search slow', severity: 'SEV3', startedAt: ago(1) });
    await createIncident(team.id, { title: 'Old outage', severity: 'SEV1', startedAt: ago(10), resolvedAfterMinutes: 30 });
    const drill = await createIncident(team.id, { title: 'Failover drill', severity: 'SEV4', kind: 'drill', startedAt: ago(2), resolvedAfterMinutes: 20 });
    await createIncident(team.id, { title: 'Old drill', severity: 'SEV4', kind: 'drill', startedAt: ago(9), resolvedAfterMinutes: 20 });

    const agenda = await checkedAgenda(viewer.actor, { now: NOW });
    expect(agenda.periodStart.toISOString()).toBe(ago(7));
    expect(agenda.periodEnd).toEqual(NOW);
    expect(agenda.sections.map((s) => s.title)).toEqual([
      'New incidents',
      'Post-mortems waiting for review',
      'Overdue actions',
      'Due in the next 7 days',
      'Recurring factors',
      'Drills held',
      'Metrics',
    ]);
    const incidents = section(agenda, 'New incidents').items;
    expect(incidents.map((i) => i.key)).toEqual([`incident:${recent.id}`, `incident:${open.id}`]);
    expect(incidents[0]).toMatchObject({
      kind: 'incident',
      refId: recent.id,
      title: `INC-${recent.number} Checkout errors`,
      detail: 'SEV2 · resolved in 1h 05m · post-mortem draft',
      href: `/t/${team.slug}/incidents/${recent.number}`,
      carriedOver: false,
    });
    expect(incidents[1]!.detail).toBe('SEV3 · open for 1d 00h · post-mortem draft');
    expect(keys(agenda, 'Drills held')).toEqual([`drill:${drill.id}`]);
    const metrics = section(agenda, 'Metrics').items;
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({ key: 'metrics', kind: 'metrics', refId: null });
    // This week: one resolved incident (TTR 1h 05m) and one open; the week before: the 30-minute outage.
    // One value a side gives no interval, so no trend is claimed.
    expect(metrics[0]!.detail).toBe('Median TTR 1h 05m (n=1) vs 30m 00s (n=1) before: not enough data · open incidents 1 · availability 85.07 % (before 99.702 %)');
    expect(agendaItemCount(agenda)).toBe(3);
  });

  it('hides restricted incidents (and their actions) from a viewer not named on them', async () => {
    const secret = await createIncident(team.id, { title: 'Secret breach', severity: 'SEV1', startedAt: ago(2), visibility: 'restricted' });
    await insertAction(team.id, secret.id, { title: 'Rotate the secret keys', dueDate: '2026-11-20' });
    await db.incident.update({ where: { id: secret.id }, data: { postmortemStatus: 'in_review' } });

    const forViewer = await checkedAgenda(viewer.actor, { now: NOW });
    const all = forViewer.sections.flatMap((s) => s.items.map((i) => `${i.title} ${i.detail}`)).join('\n');
    expect(all).not.toContain('Secret breach');
    expect(all).not.toContain('Rotate the secret keys');

    const forAdmin = await checkedAgenda(admin.actor, { now: NOW });
    expect(keys(forAdmin, 'New incidents')).toContain(`incident:${secret.id}`);
    expect(keys(forAdmin, 'Post-mortems waiting for review')).toContain(`review:${secret.id}`);
    expect(section(forAdmin, 'Overdue actions').items.map((i) => i.title)).toContain('Rotate the secret keys');
  });

  it('is for members: an actor of another team sees nothing of this one', async () => {
    const other = await createTestTeam('Elsewhere');
    const outsider = await other.add('admin');
    const agenda = await checkedAgenda(outsider.actor, { now: NOW });
    expect(agendaItemCount(agenda)).toBe(0);
  });
});

describe('buildAgenda after a meeting', () => {
  let team: TestTeam;
  let editor: TestMember;
  beforeAll(async () => {
    team = await createTestTeam('Agenda since meeting');
    editor = await team.add('editor', 'Ed Editor');
  });

  it('starts the period where the last ended meeting ended, carries over unreached items and skips reviewed incidents', async () => {
    const before = await createIncident(team.id, { title: 'Before the meeting', severity: 'SEV2', startedAt: ago(3), resolvedAfterMinutes: 10 });
    const carried = await createIncident(team.id, { title: 'Not reached last time', severity: 'SEV3', startedAt: ago(20), resolvedAfterMinutes: 10 });
    const discussed = await createIncident(team.id, { title: 'Discussed last time', severity: 'SEV3', startedAt: ago(4), resolvedAfterMinutes: 10 });
    const reviewed = await createIncident(team.id, { title: 'Reviewed already', severity: 'SEV3', startedAt: ago(1), resolvedAfterMinutes: 10 });
    const after = await createIncident(team.id, { title: 'After the meeting', severity: 'SEV1', startedAt: ago(1), resolvedAfterMinutes: 10 });
    const openAction = await insertAction(team.id, carried.id, { title: 'Write the runbook' });
    const doneAction = await insertAction(team.id, carried.id, { title: 'Already finished', status: 'done' });
    const lateAction = await insertAction(team.id, carried.id, { title: 'Late and not reached', dueDate: '2026-11-01' });

    // An older meeting reviewed `reviewed` (it had been pulled in early); the last one left items over.
    const older = await endedMeeting(team.id, 5);
    await db.meetingIncident.create({ data: { meetingId: older.id, incidentId: reviewed.id, reviewedAt: new Date(NOW.getTime() - 5 * DAY) } });
    await endedMeeting(team.id, 2, [
      { key: `incident:${carried.id}`, kind: 'incident', refId: carried.id, status: 'carried_over' },
      { key: `incident:${discussed.id}`, kind: 'incident', refId: discussed.id, status: 'discussed' },
      { key: `action:${openAction.id}`, kind: 'action', refId: openAction.id, status: 'pending' },
      { key: `action:${doneAction.id}`, kind: 'action', refId: doneAction.id, status: 'carried_over' },
      { key: `action:${lateAction.id}`, kind: 'action', refId: lateAction.id, status: 'carried_over' },
      { key: 'metrics', kind: 'metrics', refId: null, status: 'carried_over' },
    ]);
    // A meeting still running does not move the period.
    const running = await db.reviewMeeting.create({ data: { teamId: team.id, status: 'in_progress', heldAt: new Date(NOW.getTime() - 3_600_000), periodStart: new Date(NOW.getTime() - 2 * DAY), periodEnd: NOW }, select: { id: true } });

    const agenda = await checkedAgenda(editor.actor, { now: NOW });
    expect(agenda.periodStart.toISOString()).toBe(ago(2));
    const incidents = section(agenda, 'New incidents').items;
    expect(incidents.map((i) => i.key)).toEqual([`incident:${carried.id}`, `incident:${after.id}`]);
    expect(incidents.find((i) => i.refId === carried.id)!.carriedOver).toBe(true);
    expect(incidents.find((i) => i.refId === after.id)!.carriedOver).toBe(false);
    expect(incidents.map((i) => i.refId)).not.toContain(before.id);
    expect(incidents.map((i) => i.refId)).not.toContain(reviewed.id);

    const actions = [...section(agenda, 'Overdue actions').items, ...section(agenda, 'Due in the next 7 days').items];
    expect(actions.map((a) => a.key)).toEqual([`action:${lateAction.id}`, `action:${openAction.id}`]);
    expect(actions[0]).toMatchObject({ carriedOver: true, detail: `Owner: unassigned · due 1 Nov 2026 · 26 days overdue · open · INC-${carried.number}` });
    expect(actions[1]).toMatchObject({ carriedOver: true, detail: `Owner: unassigned · no due date · open · INC-${carried.number}` });
    expect(section(agenda, 'Metrics').items.map((i) => i.carriedOver)).toEqual([false]);

    expect(await inProgressMeeting(editor.actor)).toMatchObject({ id: running.id });
  });

  it('drops a carried-over incident once it cannot be seen', async () => {
    const hidden = await createIncident(team.id, { title: 'Now restricted', severity: 'SEV2', startedAt: ago(30), visibility: 'restricted' });
    await endedMeeting(team.id, 1, [{ key: `incident:${hidden.id}`, kind: 'incident', refId: hidden.id, status: 'carried_over' }]);
    const agenda = await checkedAgenda(editor.actor, { now: NOW });
    expect(keys(agenda, 'New incidents')).not.toContain(`incident:${hidden.id}`);
  });
});

describe('buildAgenda actions, reviews and factors', () => {
  let team: TestTeam;
  let viewer: TestMember;
  let ana: TestMember;
  let bob: TestMember;
  beforeAll(async () => {
    team = await createTestTeam('Agenda actions');
    // Auckland is UTC+13 in November: NOW (12:00 UTC on the 27th) is 01:00 on Saturday the 28th there.
    await db.team.update({ where: { id: team.id }, data: { timeZone: 'Pacific/Auckland' } });
    viewer = await team.add('viewer', 'Vic Viewer');
    ana = await team.add('editor', 'Ana Ops');
    bob = await team.add('editor', 'Bob Builder');
  });

  it('splits overdue from due-soon by the team zone’s calendar, ordered by owner then due date', async () => {
    const inc = await createIncident(team.id, { title: 'Queue backlog', severity: 'SEV2', startedAt: ago(20), resolvedAfterMinutes: 90 });
    await insertAction(team.id, inc.id, { title: 'Bob late', ownerId: bob.userId, dueDate: '2026-11-20' });
    await insertAction(team.id, inc.id, { title: 'Ana due 27th', ownerId: ana.userId, dueDate: '2026-11-27' });
    await insertAction(team.id, inc.id, { title: 'Ana due 25th', ownerId: ana.userId, dueDate: '2026-11-25', status: 'in_progress' });
    await insertAction(team.id, inc.id, { title: 'Nobody late', dueDate: '2026-11-26' });
    await insertAction(team.id, inc.id, { title: 'Ana today', ownerId: ana.userId, dueDate: '2026-11-28' });
    await insertAction(team.id, inc.id, { title: 'Bob in a week', ownerId: bob.userId, dueDate: '2026-12-05' });
    await insertAction(team.id, inc.id, { title: 'Bob too far', ownerId: bob.userId, dueDate: '2026-12-06' });
    await insertAction(team.id, inc.id, { title: 'Done late', ownerId: bob.userId, dueDate: '2026-11-01', status: 'done' });
    await insertAction(team.id, inc.id, { title: 'Dropped late', ownerId: bob.userId, dueDate: '2026-11-01', status: 'wont_do' });

    const agenda = await checkedAgenda(viewer.actor, { now: NOW });
    // The 27th is yesterday in Auckland (still today in UTC): overdue.
    expect(section(agenda, 'Overdue actions').items.map((i) => i.title)).toEqual(['Ana due 25th', 'Ana due 27th', 'Bob late', 'Nobody late']);
    expect(section(agenda, 'Overdue actions').items[1]!.detail).toBe(`Owner: Ana Ops · due 27 Nov 2026 · 1 day overdue · open · INC-${inc.number}`);
    expect(section(agenda, 'Overdue actions').items[0]!.detail).toContain('3 days overdue · in progress');
    expect(section(agenda, 'Due in the next 7 days').items.map((i) => i.title)).toEqual(['Ana today', 'Bob in a week']);
    expect(section(agenda, 'Overdue actions').items[0]!.href).toBe(`/t/${team.slug}/incidents/${inc.number}/actions`);
  });

  it('lists post-mortems in review (any age) with the reviewers still pending', async () => {
    const inc = await createIncident(team.id, { title: 'Cache stampede', severity: 'SEV2', startedAt: ago(60), resolvedAfterMinutes: 30 });
    await db.incident.update({ where: { id: inc.id }, data: { postmortemStatus: 'in_review' } });
    await db.review.create({ data: { incidentId: inc.id, reviewerId: ana.userId, state: 'approved' } });
    await db.review.create({ data: { incidentId: inc.id, reviewerId: bob.userId, state: 'changes_requested' } });
    const agenda = await checkedAgenda(viewer.actor, { now: NOW });
    expect(section(agenda, 'Post-mortems waiting for review').items).toEqual([
      {
        key: `review:${inc.id}`,
        kind: 'review',
        refId: inc.id,
        title: `INC-${inc.number} Cache stampede`,
        detail: 'SEV2 · waiting on Bob Builder (changes requested)',
        href: `/t/${team.slug}/incidents/${inc.number}/postmortem`,
        carriedOver: false,
      },
    ]);
  });

  it('lists factors of this period’s incidents that recurred within 180 days, with the verdict', async () => {
    const factor = await createFactor(team.id, 'Missing alert on queue depth');
    const oldFactor = await createFactor(team.id, 'Recurred long ago');
    const first = await createIncident(team.id, { title: 'First backlog', severity: 'SEV3', startedAt: ago(100), resolvedAfterMinutes: 30 });
    const again = await createIncident(team.id, { title: 'Backlog again', severity: 'SEV3', startedAt: ago(2), resolvedAfterMinutes: 30 });
    const a = await createIncident(team.id, { title: 'A', severity: 'SEV4', startedAt: ago(90), resolvedAfterMinutes: 30 });
    const b = await createIncident(team.id, { title: 'B', severity: 'SEV4', startedAt: ago(80), resolvedAfterMinutes: 30 });
    await linkFactors([[first.id, factor], [again.id, factor], [a.id, oldFactor], [b.id, oldFactor]]);
    await insertAction(team.id, first.id, { title: 'Add the alert', factorId: factor, status: 'done' });

    const agenda = await checkedAgenda(viewer.actor, { now: NOW });
    expect(section(agenda, 'Recurring factors').items).toEqual([
      {
        key: `factor:${factor}`,
        kind: 'factor',
        refId: factor,
        title: 'Missing alert on queue depth',
        detail: `INC-${first.number} → INC-${again.number} (98 days apart) · remediation did not prevent recurrence`,
        href: `/t/${team.slug}/factors/${factor}`,
        carriedOver: false,
      },
    ]);
  });
});

describe('the review cadence setting', () => {
  it('is admin-only, version-checked and audited', async () => {
    const team = await createTestTeam('Cadence');
    const admin = await team.add('admin');
    const editor = await team.add('editor');
    const start = await getCadence(editor.actor);
    expect(start).toMatchObject({ reviewWeekday: 2, reviewTime: '10:00', timeZone: 'UTC' });

    expect(await errorCode(saveCadence(editor.actor, { weekday: 4, time: '15:30', version: start.version }))).toBe('FORBIDDEN');
    expect(await errorCode(saveCadence(admin.actor, { weekday: 9, time: '15:30', version: start.version }))).toBe('ZodError');
    expect(await errorCode(saveCadence(admin.actor, { weekday: 4, time: '3pm', version: start.version }))).toBe('ZodError');
    expect(await auditCount(team.id, 'team.review_cadence_update')).toBe(0);

    const saved = await saveCadence(admin.actor, { weekday: '4', time: '15:30', version: String(start.version) });
    expect(saved).toEqual({ reviewWeekday: 4, reviewTime: '15:30', timeZone: 'UTC', version: start.version + 1 });
    expect(await errorCode(saveCadence(admin.actor, { weekday: 1, time: '09:00', version: start.version }))).toBe('CONFLICT');
    expect(await getCadence(editor.actor)).toMatchObject({ reviewWeekday: 4, reviewTime: '15:30' });
    const audits = await db.auditLog.findMany({ where: { teamId: team.id, action: 'team.review_cadence_update' }, select: { before: true, after: true, actorId: true } });
    expect(audits).toEqual([{ actorId: admin.userId, before: { weekday: 2, time: '10:00', version: start.version }, after: { weekday: 4, time: '15:30', version: start.version + 1 } }]);
  });
});

describe('buildAgenda recurring factors around the window', () => {
  it('reads back exactly one window before the period, and lists a carried-over factor with all its recurrences', async () => {
    const team = await createTestTeam('Agenda factor window');
    const viewer = await team.add('viewer', 'Vi Viewer');
    const edge = await createFactor(team.id, 'At the window edge');
    const leftOver = await createFactor(team.id, 'Left over last time');
    const unrelated = await createFactor(team.id, 'Recurred before the period');
    const e1 = await createIncident(team.id, { title: 'E1', severity: 'SEV3', startedAt: ago(183), resolvedAfterMinutes: 5 });
    const e2 = await createIncident(team.id, { title: 'E2', severity: 'SEV3', startedAt: ago(3), resolvedAfterMinutes: 5 });
    const c1 = await createIncident(team.id, { title: 'C1', severity: 'SEV3', startedAt: ago(400), resolvedAfterMinutes: 5 });
    const c2 = await createIncident(team.id, { title: 'C2', severity: 'SEV3', startedAt: ago(300), resolvedAfterMinutes: 5 });
    const u1 = await createIncident(team.id, { title: 'U1', severity: 'SEV3', startedAt: ago(60), resolvedAfterMinutes: 5 });
    const u2 = await createIncident(team.id, { title: 'U2', severity: 'SEV3', startedAt: ago(10), resolvedAfterMinutes: 5 });
    await linkFactors([[e1.id, edge], [e2.id, edge], [c1.id, leftOver], [c2.id, leftOver], [u1.id, unrelated], [u2.id, unrelated]]);
    // Not recurrences in the period: a gap of the window plus 1 ms, a drill as the later one, and
    // (for the viewer) a restricted earlier incident.
    const outside = await createFactor(team.id, 'Just outside the window');
    const o1 = await createIncident(team.id, { title: 'O1', severity: 'SEV3', startedAt: new Date(NOW.getTime() - 182 * DAY - 1).toISOString(), resolvedAfterMinutes: 5 });
    const o2 = await createIncident(team.id, { title: 'O2', severity: 'SEV3', startedAt: ago(2), resolvedAfterMinutes: 5 });
    const rehearsed = await createFactor(team.id, 'Rehearsed in a drill');
    const r1 = await createIncident(team.id, { title: 'R1', severity: 'SEV3', startedAt: ago(50), resolvedAfterMinutes: 5 });
    const r2 = await createIncident(team.id, { title: 'R2 drill', severity: 'SEV4', kind: 'drill', startedAt: ago(1), resolvedAfterMinutes: 5 });
    const hidden = await createFactor(team.id, 'Behind a restricted incident');
    const h1 = await createIncident(team.id, { title: 'H1', severity: 'SEV3', startedAt: ago(20), resolvedAfterMinutes: 5, visibility: 'restricted' });
    const h2 = await createIncident(team.id, { title: 'H2', severity: 'SEV3', startedAt: ago(1), resolvedAfterMinutes: 5 });
    await linkFactors([[o1.id, outside], [o2.id, outside], [r1.id, rehearsed], [r2.id, rehearsed], [h1.id, hidden], [h2.id, hidden]]);
    // The period starts 3 days ago, when E2 started, exactly 180 days after E1; the last meeting left the old factor over.
    await endedMeeting(team.id, 3, [{ key: `factor:${leftOver}`, kind: 'factor', refId: leftOver, status: 'carried_over' }]);

    const agenda = await checkedAgenda(viewer.actor, { now: NOW });
    expect(section(agenda, 'Recurring factors').items.map((i) => [i.key, i.carriedOver, i.detail])).toEqual([
      [`factor:${edge}`, false, `INC-${e1.number} → INC-${e2.number} (180 days apart) · no action addressed it`],
      [`factor:${leftOver}`, true, `INC-${c1.number} → INC-${c2.number} (100 days apart) · no action addressed it`],
    ]);
    // An admin sees the restricted incident, so its factor recurred for them.
    const admin = await team.add('admin');
    const forAdmin = await checkedAgenda(admin.actor, { now: NOW });
    expect(section(forAdmin, 'Recurring factors').items.map((i) => i.key)).toEqual([`factor:${edge}`, `factor:${hidden}`, `factor:${leftOver}`]);
  });
});
