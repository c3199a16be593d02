import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { exportPostmortem } from './export-data';

let team: TestTeam;
let admin: TestMember;
let viewer: TestMember;

beforeAll(async () => {
  team = await createTestTeam('Exports');
  admin = await team.add('admin', 'Ada Admin');
  viewer = await team.add('viewer', 'Vic Viewer');
});

describe('Markdown export of a post-mortem', () => {
  it('exports sections, timeline, factors and action items for a viewer', async () => {
    const inc = await createIncident(team.id, {
      title: 'Disk full on db-1',
      severity: 'SEV1',
      startedAt: '2026-03-01T10:00:00Z',
      resolvedAfterMinutes: 90,
      services: ['database'],
      sections: { summary: 'The disk <b>filled</b>.', impact: 'Writes failed.' },
      timeline: ['Alert fired', 'Volume grown'],
    });
    const factor = await db.contributingFactor.create({ data: { teamId: team.id, name: 'No disk alert', category: 'technical' }, select: { id: true } });
    await db.incidentFactor.create({ data: { incidentId: inc.id, factorId: factor.id, howItContributed: 'Growth went unseen.' } });
    await db.actionItem.create({ data: { teamId: team.id, incidentId: inc.id, title: 'Alert at 80%', type: 'detect', ownerId: admin.userId, dueDate: new Date('2026-04-01') } });

    const { fileName, markdown } = await exportPostmortem(viewer.actor, inc.number, new Date('2026-03-02T00:00:00Z'));
    expect(fileName).toBe(`INC-${inc.number}-disk-full-on-db-1.md`);
    expect(markdown).toContain(`# INC-${inc.number}: Disk full on db-1`);
    expect(markdown).toContain('- **Services:** database');
    expect(markdown).toContain('- **Time to resolve (TTR):** 1:30:00');
    expect(markdown.indexOf('## summary')).toBeLessThan(markdown.indexOf('## impact'));
    expect(markdown).toContain('The disk &lt;b&gt;filled&lt;/b&gt;.');
    expect(markdown).toContain('- `2026-03-01T10:01:00.000Z` **note**: Volume grown');
    expect(markdown).toContain('- **No disk alert** (technical): Growth went unseen.');
    expect(markdown).toContain('| Alert at 80% | detect | P2 | Ada Admin | 2026-04-01 | open | — |');
  });

  it('is NOT_FOUND for restricted incidents the actor is not named on, and for other teams', async () => {
    const hidden = await createIncident(team.id, { title: 'Restricted', severity: 'SEV3', startedAt: '2026-03-01T10:00:00Z', visibility: 'restricted' });
    expect(await errorCode(exportPostmortem(viewer.actor, hidden.number))).toBe('NOT_FOUND');
    expect(await errorCode(exportPostmortem(admin.actor, hidden.number))).toBe('RESOLVED');
    const outsider = await (await createTestTeam('Other')).add('admin');
    expect(await errorCode(exportPostmortem(outsider.actor, hidden.number))).toBe('NOT_FOUND');
    expect(await errorCode(exportPostmortem(viewer.actor, Number.NaN))).toBe('NOT_FOUND');
  });
});
