import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { createTestTeam, createTestUser, type TestMember } from '@/lib/teams/team-fixtures';
import { createFactor, insertAction } from './action-fixtures';
import { listMyActions } from './my-actions';
import { daysBetween, todayIn } from './overdue';
import { exportActions, incidentActionProgress, listActions } from './queries';

// A zone far from UTC, so "today" there often differs from the server's day.
const ZONE = 'Pacific/Kiritimati';
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let teamId: string;
let editor: TestMember;
let viewer: TestMember;
let admin: TestMember;
let incident: { id: string; number: number };
let factorId: string;
let today: string;

beforeAll(async () => {
  const team = await createTestTeam('Board');
  teamId = team.id;
  await db.team.update({ where: { id: teamId }, data: { timeZone: ZONE } });
  editor = await team.add('editor', 'Eve Editor');
  viewer = await team.add('viewer', 'Val Viewer');
  admin = await team.add('admin', 'Ada Admin');
  incident = await createIncident(teamId, { title: 'Disk full', severity: 'SEV2', startedAt: '2026-03-01T09:00:00Z' });
  const restricted = await createIncident(teamId, { title: 'Secret', severity: 'SEV1', startedAt: '2026-03-02T09:00:00Z', visibility: 'restricted' });
  factorId = await createFactor(teamId, 'No disk alerts');
  today = todayIn(ZONE);
  await insertAction(teamId, incident.id, { title: 'Due yesterday', dueDate: shift(today, -1), ownerId: viewer.userId, priority: 'P1', factorId });
  await insertAction(teamId, incident.id, { title: 'Due today', dueDate: today, ownerId: viewer.userId, type: 'detect' });
  await insertAction(teamId, incident.id, { title: 'Done late', dueDate: shift(today, -10), status: 'done' });
  await insertAction(teamId, incident.id, { title: 'In progress, 3 days late', dueDate: shift(today, -3), status: 'in_progress', priority: 'P3' });
  await insertAction(teamId, incident.id, { title: 'No due date', type: 'process' });
  await insertAction(teamId, restricted.id, { title: 'Secret overdue', dueDate: shift(today, -5), ownerId: viewer.userId });
});

const titles = (list: { items: { title: string }[] }) => list.items.map((i) => i.title);

describe('the action board', () => {
  it('filters overdue by the team’s calendar day, with days overdue', async () => {
    const overdue = await listActions(editor.actor, { overdue: 'true' });
    expect(titles(overdue)).toEqual(['In progress, 3 days late', 'Due yesterday']);
    expect(overdue.items.map((i) => i.daysOverdue)).toEqual([3, 1]);
    expect(daysBetween(shift(today, -3), today)).toBe(3);
  });

  it('filters by status, owner, type, priority, incident and factor; sorts', async () => {
    expect(titles(await listActions(editor.actor, { owner: viewer.userId }))).toEqual(['Due yesterday', 'Due today']);
    expect(titles(await listActions(editor.actor, { owner: 'none', status: ['open'] }))).toEqual(['No due date']);
    expect(titles(await listActions(editor.actor, { type: 'detect' }))).toEqual(['Due today']);
    expect(titles(await listActions(editor.actor, { priority: ['P1', 'P3'], sort: 'priority' }))).toEqual(['Due yesterday', 'In progress, 3 days late']);
    expect((await listActions(editor.actor, { incident: `INC-${incident.number}` })).total).toBe(5);
    expect(titles(await listActions(editor.actor, { factor: factorId }))).toEqual(['Due yesterday']);
    expect(titles(await listActions(editor.actor, { sort: 'due', pageSize: '2', page: '2' }))).toEqual(['Due yesterday', 'Due today']);
  });

  it('never shows restricted incidents’ actions to those not named on them (board, export, progress)', async () => {
    expect(titles(await listActions(viewer.actor, {}))).not.toContain('Secret overdue');
    expect((await exportActions(viewer.actor, {})).map((a) => a.title)).not.toContain('Secret overdue');
    expect(titles(await listActions(admin.actor, { overdue: 'true' }))).toContain('Secret overdue');
  });

  it('sums an incident’s progress', async () => {
    expect(await incidentActionProgress(viewer.actor, incident.id)).toEqual({ total: 5, done: 1, wontDo: 0, active: 4, overdue: 2 });
  });
});

describe('my actions', () => {
  it('lists the user’s actions across all their teams, open first, restricted ones only where visible', async () => {
    const other = await createTestTeam('Second');
    await db.membership.create({ data: { teamId: other.id, userId: viewer.userId, role: 'editor' } });
    const otherIncident = await createIncident(other.id, { title: 'Elsewhere', severity: 'SEV3', startedAt: '2026-03-05T09:00:00Z' });
    await insertAction(other.id, otherIncident.id, { title: 'Second team action', ownerId: viewer.userId, dueDate: '2020-01-01' });
    await insertAction(other.id, otherIncident.id, { title: 'Closed one', ownerId: viewer.userId, status: 'done' });

    const mine = await listMyActions(viewer.userId);
    expect(mine.items.map((i) => i.title).sort()).toEqual(['Due today', 'Due yesterday', 'Second team action']);
    expect(mine.teams.map((t) => t.name).sort()).toEqual(['Board', 'Second']);
    expect(mine.items.find((i) => i.title === 'Second team action')?.daysOverdue).toBeGreaterThan(2000);

    const all = await listMyActions(viewer.userId, { includeClosed: true, team: other.slug });
    expect(all.items.map((i) => i.title)).toEqual(['Second team action', 'Closed one']);
    expect((await listMyActions(await createTestUser('Lonely'))).total).toBe(0);
  });
});
