import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { createIncident } from './incident-fixtures';
import { countVisibleIncidents, listIncidents, listServiceNames, type IncidentList } from './queries';

let team: TestTeam;
let admin: TestMember;
let named: TestMember;
let editor: TestMember;
let viewer: TestMember;
const no: Record<string, number> = {};

const numbers = (list: IncidentList) => list.items.map((i) => i.number);
const list = (who: TestMember, input: Record<string, string | string[] | undefined> = {}, timeZone?: string) =>
  listIncidents(who.actor, input, { timeZone });

/**
 * One team, six incidents with known text in every searchable place, and a second team with a
 * look-alike incident that must never show. `restricted` names only `named`.
 */
beforeAll(async () => {
  team = await createTestTeam('Payments');
  admin = await team.add('admin', 'Ada Admin');
  named = await team.add('editor', 'Nia Named');
  editor = await team.add('editor', 'Ed Editor');
  viewer = await team.add('viewer', 'Vic Viewer');
  const add = async (key: string, fx: Parameters<typeof createIncident>[1]) => {
    no[key] = (await createIncident(team.id, fx)).number;
  };
  await add('latency', { title: 'Checkout latency spike', severity: 'SEV2', startedAt: '2026-01-10T10:00:00Z', resolvedAfterMinutes: 60, services: ['checkout'], summary: 'The payment provider answered slowly.' });
  await add('cache', { title: 'Cache stampede after deploy', severity: 'SEV4', startedAt: '2026-01-20T08:00:00Z', status: 'mitigated', services: ['checkout', 'pricing'], customerImpact: 'Customers saw stale prices for ten minutes.' });
  await add('drill', { title: 'Search index rebuild drill', kind: 'drill', severity: 'SEV3', startedAt: '2026-02-05T09:00:00Z', resolvedAfterMinutes: 180, services: ['search'], sections: { summary: 'The rebuild stalled at 40 percent.' } });
  await add('restricted', {
    title: 'Credentials leaked in build logs', severity: 'SEV2', startedAt: '2026-02-20T12:00:00Z', resolvedAfterMinutes: 30, visibility: 'restricted',
    members: [named.userId], services: ['checkout'], summary: 'A pipeline printed a credential.', timeline: ['Rotated the leaked credential'],
  });
  await add('failover', {
    title: 'Database failover', severity: 'SEV1', startedAt: '2026-03-01T23:30:00Z', services: ['ledger'],
    sections: { detection: 'Replication lag alerts fired first.', response: 'Checked the primary.' }, timeline: ['Paged the on-call for pgbouncer', 'Promoted the replica'],
  });
  await add('queue', { title: 'Queue backlog', severity: 'SEV3', startedAt: '2026-03-03T10:00:00Z', resolvedAfterMinutes: 240, summary: 'Workers stalled on a poison message mentioning latency.' });
  const other = await createTestTeam('Elsewhere');
  await createIncident(other.id, { title: 'Checkout latency spike elsewhere', severity: 'SEV1', startedAt: '2026-01-11T10:00:00Z', services: ['checkout'] });
});

describe('listIncidents: filters, sort, pagination', () => {
  it('lists the visible incidents newest first with their services', async () => {
    const result = await list(admin);
    expect(numbers(result)).toEqual([no.queue, no.failover, no.restricted, no.drill, no.cache, no.latency]);
    expect(result).toMatchObject({ total: 6, page: 1, pageSize: 25, sort: 'started_desc' });
    expect(result.items.find((i) => i.number === no.cache)).toMatchObject({
      title: 'Cache stampede after deploy', kind: 'incident', severity: 'SEV4', status: 'mitigated', postmortemStatus: 'draft',
      visibility: 'team', resolvedAt: null, services: ['checkout', 'pricing'],
    });
  });

  it('filters by status, severity, kind and service, alone and combined', async () => {
    expect(numbers(await list(admin, { status: ['active', 'mitigated'] }))).toEqual([no.failover, no.cache]);
    expect(numbers(await list(admin, { severity: 'SEV3,SEV4' }))).toEqual([no.queue, no.drill, no.cache]);
    expect(numbers(await list(admin, { kind: 'drill' }))).toEqual([no.drill]);
    expect(numbers(await list(admin, { service: 'checkout' }))).toEqual([no.restricted, no.cache, no.latency]);
    expect(numbers(await list(admin, { service: 'checkout', severity: 'SEV2', status: 'resolved' }))).toEqual([no.restricted, no.latency]);
    expect((await list(admin, { service: 'nope' })).total).toBe(0);
  });

  it('filters on startedAt by days in the given time zone (to includes its day) or by instants', async () => {
    // 2026-03-01T23:30Z is March 2 in Berlin and March 1 in UTC.
    expect(numbers(await list(admin, { from: '2026-03-02' }, 'Europe/Berlin'))).toEqual([no.queue, no.failover]);
    expect(numbers(await list(admin, { from: '2026-03-02' }, 'UTC'))).toEqual([no.queue]);
    expect(numbers(await list(admin, { from: '2026-01-10', to: '2026-01-20' }))).toEqual([no.cache, no.latency]);
    expect(numbers(await list(admin, { to: '2026-01-20T07:59:59Z' }))).toEqual([no.latency]);
  });

  it('day filters without a zone use the team’s zone', async () => {
    await db.team.update({ where: { id: team.id }, data: { timeZone: 'Asia/Tokyo' } });
    try {
      // 2026-03-01T23:30Z is already March 2 in Tokyo.
      expect(numbers(await list(admin, { to: '2026-03-01' }))).not.toContain(no.failover);
    } finally {
      await db.team.update({ where: { id: team.id }, data: { timeZone: 'UTC' } });
    }
  });

  it('sorts oldest first, by severity, and by TTR (longest first, unresolved last)', async () => {
    expect(numbers(await list(admin, { sort: 'started_asc' }))).toEqual([no.latency, no.cache, no.drill, no.restricted, no.failover, no.queue]);
    expect(numbers(await list(admin, { sort: 'severity' }))).toEqual([no.failover, no.restricted, no.latency, no.queue, no.drill, no.cache]);
    expect(numbers(await list(admin, { sort: 'ttr' }))).toEqual([no.queue, no.drill, no.latency, no.restricted, no.failover, no.cache]);
  });

  it('paginates with a stable total, also on computed orders and past the end', async () => {
    for (const sort of ['started_desc', 'ttr'] as const) {
      const pages = await Promise.all([1, 2, 3].map((page) => list(admin, { sort, pageSize: '2', page: String(page) })));
      expect(pages.map((p) => p.total)).toEqual([6, 6, 6]);
      expect(pages.flatMap(numbers)).toEqual(numbers(await list(admin, { sort })));
    }
    expect(await list(admin, { page: '9', pageSize: '2' })).toMatchObject({ items: [], total: 6, page: 9 });
  });

  it('lists the team’s services for the filter, and refuses bad filters', async () => {
    expect(await listServiceNames(viewer.actor)).toEqual(['checkout', 'ledger', 'pricing', 'search']);
    expect(await errorCode(list(admin, { severity: 'SEV0' }))).toBe('ZodError');
  });
});

describe('listIncidents: full-text search', () => {
  const search = (q: string, who: TestMember = admin) => list(who, { q });

  it('finds words in titles, summaries, customer impact, post-mortem sections and the timeline', async () => {
    expect(numbers(await search('stampede'))).toEqual([no.cache]);
    expect(numbers(await search('payment provider'))).toEqual([no.latency]);
    expect(numbers(await search('stale prices'))).toEqual([no.cache]);
    expect(numbers(await search('replication'))).toEqual([no.failover]);
    expect(numbers(await search('pgbouncer'))).toEqual([no.failover]);
  });

  it('stems words, supports phrases, or and exclusion, and finds an incident by its number', async () => {
    expect(numbers(await search('stalls')).sort()).toEqual([no.drill, no.queue].sort());
    expect(numbers(await search('"poison message"'))).toEqual([no.queue]);
    expect(numbers(await search('pgbouncer or stampede')).sort()).toEqual([no.cache, no.failover].sort());
    expect(numbers(await search('stalled -rebuild'))).toEqual([no.queue]);
    expect(numbers(await search(`INC-${no.drill}`))).toEqual([no.drill]);
    expect(numbers(await search('the'))).toEqual([]);
  });

  it('ranks a title match above a match in the body, and never returns another team’s incidents', async () => {
    const result = await search('latency');
    expect(result.sort).toBe('relevance');
    expect(numbers(result)).toEqual([no.latency, no.queue]);
    expect(result.total).toBe(2);
    expect(numbers(await list(admin, { q: 'latency', sort: 'started_asc' }))).toEqual([no.latency, no.queue]);
  });

  it('follows edits: the triggers keep the search document current', async () => {
    const incident = await db.incident.findFirstOrThrow({ where: { teamId: team.id, number: no.failover }, select: { id: true } });
    const section = await db.postmortemSection.findFirstOrThrow({ where: { incidentId: incident.id, key: 'detection' } });
    await db.postmortemSection.update({ where: { id: section.id }, data: { body: 'Disk saturation alerts fired first.' } });
    expect(numbers(await search('replication'))).toEqual([]);
    expect(numbers(await search('saturation'))).toEqual([no.failover]);
    await db.timelineEvent.deleteMany({ where: { incidentId: incident.id, body: { contains: 'pgbouncer' } } });
    expect(numbers(await search('pgbouncer'))).toEqual([]);
    await db.timelineEvent.create({ data: { incidentId: incident.id, occurredAt: new Date('2026-03-02T00:10:00Z'), body: 'Vacuum finished' } });
    expect(numbers(await search('vacuum'))).toEqual([no.failover]);
    await db.incident.update({ where: { id: incident.id }, data: { title: 'Primary database failover' } });
    expect(numbers(await search('primary'))).toEqual([no.failover]);
    expect(numbers(await search('vacuum'))).toEqual([no.failover]);
  });
});

describe('restricted incidents never leak', () => {
  const leaked = (result: IncidentList) => result.items.some((i) => i.number === no.restricted);

  it('an editor not named on it does not see it in the list, search, filters or counts', async () => {
    for (const who of [editor, viewer]) {
      const all = await list(who);
      expect(leaked(all)).toBe(false);
      expect(all.total).toBe(5);
      for (const q of ['credentials leaked', 'rotated', 'pipeline', `INC-${no.restricted}`]) expect(await list(who, { q })).toMatchObject({ items: [], total: 0 });
      expect(await list(who, { service: 'checkout', severity: 'SEV2' })).toMatchObject({ total: 1 });
      expect(leaked(await list(who, { sort: 'ttr' }))).toBe(false);
      expect(await countVisibleIncidents(who.actor)).toBe(5);
    }
  });

  it('the named editor and an admin see it everywhere', async () => {
    for (const who of [named, admin]) {
      expect(leaked(await list(who))).toBe(true);
      expect((await list(who)).total).toBe(6);
      const found = await list(who, { q: 'credentials leaked' });
      expect(numbers(found)).toEqual([no.restricted]);
      expect(found.items[0]?.visibility).toBe('restricted');
      expect(await countVisibleIncidents(who.actor)).toBe(6);
    }
  });
});
