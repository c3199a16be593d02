import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { createTestTeam, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { linkFactor } from './links';
import { createFactor } from './mutations';
import { incidentRecurrence, listRecurringFactors } from './recurrence-queries';

let team: TestTeam;
let admin: TestMember;
let viewer: TestMember;

beforeAll(async () => {
  team = await createTestTeam('Recurrence');
  admin = await team.add('admin');
  viewer = await team.add('viewer');
});

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse('2026-01-01T09:00:00Z') + days * DAY).toISOString();

async function shared(name: string, days: number[], opts: { kinds?: ('incident' | 'drill')[]; restricted?: number } = {}) {
  const factor = await createFactor(admin.actor, { name, category: 'technical' });
  const incidents = [];
  for (const [i, d] of days.entries()) {
    const inc = await createIncident(team.id, { title: `${name} ${i}`, severity: 'SEV3', startedAt: at(d), kind: opts.kinds?.[i] ?? 'incident', visibility: opts.restricted === i ? 'restricted' : 'team' });
    await linkFactor(admin.actor, inc.id, { factorId: factor.id, howItContributed: `Contributed to ${i}` });
    incidents.push(inc);
  }
  return { factor, incidents };
}

const action = (incidentId: string, factorId: string, status: 'open' | 'in_progress' | 'done' | 'wont_do', title = `Fix ${status}`) =>
  db.actionItem.create({ data: { teamId: team.id, incidentId, factorId, title, type: 'prevent', status, completedAt: status === 'done' ? new Date() : null } });

describe('recurrence on a real database', () => {
  it('flags two incidents sharing a factor 180 days apart, on both incident pages', async () => {
    const { factor, incidents: [a, b] } = await shared('Pool exhaustion', [0, 180]);
    const later = await incidentRecurrence(viewer.actor, b!.id);
    expect(later.earlier).toHaveLength(1);
    expect(later.earlier[0]).toMatchObject({ factorId: factor.id, factorName: 'Pool exhaustion', daysApart: 180, earlier: { number: a!.number }, verdict: 'none' });
    const earlier = await incidentRecurrence(viewer.actor, a!.id);
    expect(earlier.later.map((r) => r.later.number)).toEqual([b!.number]);
  });

  it('does not flag 200 days apart, nor a drill', async () => {
    const { incidents: [, b] } = await shared('Cert expiry', [0, 200]);
    expect((await incidentRecurrence(viewer.actor, b!.id)).earlier).toEqual([]);
    const drill = await shared('Failover runbook', [0, 10], { kinds: ['drill', 'incident'] });
    expect((await incidentRecurrence(viewer.actor, drill.incidents[1]!.id)).earlier).toEqual([]);
  });

  it('says "did not prevent recurrence" only when every earlier action for the factor is done', async () => {
    const done = await shared('Retry without backoff', [0, 30]);
    await action(done.incidents[0]!.id, done.factor.id, 'done', 'Add jittered backoff');
    await action(done.incidents[1]!.id, done.factor.id, 'open', 'Later incident action (not counted)');
    const notDone = await shared('DNS single provider', [0, 40]);
    await action(notDone.incidents[0]!.id, notDone.factor.id, 'done');
    await action(notDone.incidents[0]!.id, notDone.factor.id, 'in_progress');

    const r1 = (await incidentRecurrence(viewer.actor, done.incidents[1]!.id)).earlier[0];
    expect(r1?.verdict).toBe('not_prevented');
    expect(r1?.earlierActions.map((a) => [a.title, a.status])).toEqual([['Add jittered backoff', 'done']]);
    expect((await incidentRecurrence(viewer.actor, notDone.incidents[1]!.id)).earlier[0]?.verdict).toBe('incomplete');

    const recurring = await listRecurringFactors(viewer.actor);
    expect(recurring[0]).toMatchObject({ factorName: 'Retry without backoff', notPrevented: true });
    expect(recurring.map((r) => r.factorName)).toEqual(expect.arrayContaining(['Pool exhaustion', 'DNS single provider']));
    expect(recurring.map((r) => r.factorName)).not.toContain('Cert expiry');
  });

  it('never names a restricted incident to someone who cannot see it', async () => {
    const { incidents: [, b] } = await shared('Secret dependency', [0, 20], { restricted: 0 });
    expect((await incidentRecurrence(viewer.actor, b!.id)).earlier).toEqual([]);
    expect((await incidentRecurrence(admin.actor, b!.id)).earlier).toHaveLength(1);
    expect((await listRecurringFactors(viewer.actor)).map((r) => r.factorName)).not.toContain('Secret dependency');
  });
});
