import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { createTestTeam, type TestMember } from '@/lib/teams/team-fixtures';
import { loadDashboard } from './dashboard';
import { resolveMetricParams } from './schemas';

const NOW = Date.parse('2026-04-15T12:00:00Z');
let admin: TestMember;
let viewer: TestMember;

beforeAll(async () => {
  const team = await createTestTeam('Dashboard');
  admin = await team.add('admin');
  viewer = await team.add('viewer');
  const a = await createIncident(team.id, { title: 'Disk full', severity: 'SEV1', startedAt: '2026-03-02T10:00:00Z', resolvedAfterSeconds: 600 });
  const b = await createIncident(team.id, { title: 'Disk full again', severity: 'SEV2', startedAt: '2026-03-10T10:00:00Z', resolvedAfterSeconds: 1200 });
  const c = await createIncident(team.id, { title: 'Still open', severity: 'SEV3', startedAt: '2026-03-20T10:00:00Z' });
  const hidden = await createIncident(team.id, { title: 'Restricted', severity: 'SEV1', startedAt: '2026-03-21T10:00:00Z', resolvedAfterSeconds: 60, visibility: 'restricted' });
  const disk = await db.contributingFactor.create({ data: { teamId: team.id, name: 'No disk alert', category: 'technical' } });
  const runbook = await db.contributingFactor.create({ data: { teamId: team.id, name: 'Runbook out of date', category: 'process' } });
  const threshold = await db.contributingFactor.create({ data: { teamId: team.id, name: 'Alert threshold too high', category: 'technical' } });
  await db.incidentFactor.createMany({
    data: [
      { incidentId: a.id, factorId: disk.id, howItContributed: 'Nobody was paged.' },
      { incidentId: a.id, factorId: threshold.id, howItContributed: 'Paged too late.' }, // a second technical factor of the same incident
      { incidentId: b.id, factorId: disk.id, howItContributed: 'Same gap.' },
      { incidentId: c.id, factorId: disk.id, howItContributed: 'Again.' },
      { incidentId: b.id, factorId: runbook.id, howItContributed: 'Steps were wrong.' },
      { incidentId: hidden.id, factorId: runbook.id, howItContributed: 'Secret.' },
    ],
  });
  const action = (incidentId: string, data: Partial<Parameters<typeof db.actionItem.create>[0]['data']>) =>
    db.actionItem.create({ data: { teamId: team.id, incidentId, title: 'Fix', type: 'process', createdAt: new Date('2026-03-05T00:00:00Z'), ...data } as never });
  await action(a.id, { type: 'detect', status: 'done', completedAt: new Date('2026-03-06T00:00:00Z') }); // closed after 1 day
  await action(a.id, { status: 'done', completedAt: new Date('2026-03-08T00:00:00Z') }); // 3 days
  await action(b.id, { status: 'open', dueDate: new Date('2026-04-14T00:00:00Z') }); // overdue
  await action(b.id, { status: 'in_progress', dueDate: new Date('2026-04-15T00:00:00Z') }); // due today: not overdue
  await action(c.id, { status: 'wont_do', wontDoReason: 'Replaced by the new disk', dueDate: new Date('2026-04-01T00:00:00Z') });
  await action(hidden.id, { type: 'prevent', status: 'open', dueDate: new Date('2026-04-01T00:00:00Z') }); // overdue, on the restricted incident
});

const params = () => resolveMetricParams({ from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', bucket: 'week' }, 'UTC', NOW);
const previous = () => resolveMetricParams({ from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', bucket: 'none' }, 'UTC', NOW);

describe('metrics dashboard figures', () => {
  it('ranks factors and categories by incidents started in the period, with summed TTR of the resolved ones', async () => {
    const d = await loadDashboard(viewer.actor, params(), previous(), NOW, 'dash');
    expect(d.factors.map((f) => [f.label, f.incidents, f.ttrSeconds, f.ttrKnown])).toEqual([
      ['No disk alert', 3, 1800, 2],
      ['Runbook out of date', 1, 1200, 1], // the restricted incident stays hidden from a viewer
      ['Alert threshold too high', 1, 600, 1],
    ]);
    expect(d.factors.map((f) => f.cumulativeShare)).toEqual([0.6, 0.8, 1]);
    // An incident counts once in a category, however many of its factors are in it.
    expect(d.categories.map((c) => [c.label, c.incidents, c.ttrSeconds, c.ttrKnown])).toEqual([
      ['Technical', 3, 1800, 2],
      ['Process', 1, 1200, 1],
    ]);
    const forAdmin = await loadDashboard(admin.actor, params(), previous(), NOW, 'dash');
    expect(forAdmin.factors.find((f) => f.label === 'Runbook out of date')?.incidents).toBe(2);
  });

  it('computes the remediation figures of METRICS.md section 5', async () => {
    const d = await loadDashboard(viewer.actor, params(), previous(), NOW, 'dash');
    expect(d.actions).toEqual({
      open: 2,
      overdue: 1,
      completionRate: 2 / 4,
      createdInPeriod: 5,
      medianTimeToCloseSeconds: 2 * 86_400,
      completedInPeriod: 2,
      preventOrDetectShare: 1 / 2,
      resolvedIncidents: 2,
    });
    // The restricted incident's item counts for an admin only.
    const forAdmin = await loadDashboard(admin.actor, params(), previous(), NOW, 'dash');
    expect(forAdmin.actions).toEqual({
      open: 3,
      overdue: 2,
      completionRate: 2 / 5,
      createdInPeriod: 6,
      medianTimeToCloseSeconds: 2 * 86_400,
      completedInPeriod: 2,
      preventOrDetectShare: 2 / 3,
      resolvedIncidents: 3,
    });
  });

  it('lists each resolved incident as a dot and counts starts per bucket by severity', async () => {
    const d = await loadDashboard(viewer.actor, params(), previous(), NOW, 'dash');
    expect(d.dots.map((x) => [x.title, x.ttrSeconds])).toEqual([
      ['Disk full', 600],
      ['Disk full again', 1200],
    ]);
    expect(d.severityByPeriod.map((s) => s.SEV1 + s.SEV2 + s.SEV3 + s.SEV4)).toEqual([0, 1, 1, 1, 0, 0]);
  });
});
