import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { createTestTeam, type TestMember } from '@/lib/teams/team-fixtures';
import { buildPostmortemArchive } from './archive';

let admin: TestMember;
let named: TestMember;
let viewer: TestMember;

beforeAll(async () => {
  const team = await createTestTeam('Archive');
  admin = await team.add('admin');
  named = await team.add('editor');
  viewer = await team.add('viewer');
  const publish = (id: string) => db.incident.update({ where: { id }, data: { postmortemStatus: 'published', publishedAt: new Date('2024-03-05T10:00:00Z') } });
  const outage = await createIncident(team.id, { title: 'Checkout <b>outage</b>', severity: 'SEV1', startedAt: '2024-03-01T10:00:00Z', resolvedAfterMinutes: 90, sections: { summary: 'The cache expired.' } });
  const leak = await createIncident(team.id, { title: 'Credential leak', severity: 'SEV2', startedAt: '2024-03-02T10:00:00Z', visibility: 'restricted', members: [named.userId], resolvedAfterMinutes: 10 });
  await createIncident(team.id, { title: 'Still a draft', severity: 'SEV3', startedAt: '2024-03-03T10:00:00Z' });
  await publish(outage.id);
  await publish(leak.id);
});

function files(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('Markdown archive of published post-mortems', () => {
  it('holds one Markdown file per published post-mortem the reader may see, and an index', async () => {
    const archive = await buildPostmortemArchive(viewer.actor, new Date('2024-04-01T00:00:00Z'));
    expect(archive.fileName).toMatch(/^postmortems-team-[0-9a-f]+-2024-04-01\.zip$/);
    const content = files(archive.zip);
    expect(Object.keys(content).sort()).toEqual(['INC-1-checkout-b-outage-b.md', 'index.md']);
    expect(content['INC-1-checkout-b-outage-b.md']).toContain('# INC-1: Checkout &lt;b&gt;outage&lt;/b&gt;');
    expect(content['INC-1-checkout-b-outage-b.md']).toContain('The cache expired.');
    expect(content['index.md']).toContain('- [INC-1: Checkout &lt;b&gt;outage&lt;/b&gt;](INC-1-checkout-b-outage-b.md) (SEV1, published 2024-03-05)');
    expect(content['index.md']).not.toContain('Credential');
  });

  it('includes restricted post-mortems for admins and the people named on them', async () => {
    for (const member of [admin, named]) {
      const names = Object.keys(files((await buildPostmortemArchive(member.actor)).zip)).sort();
      expect(names).toEqual(['INC-1-checkout-b-outage-b.md', 'INC-2-credential-leak.md', 'index.md']);
    }
  });
});
