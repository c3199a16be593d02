import { beforeAll, describe, expect, it } from 'vitest';
import * as incidents from '@/app/api/v1/incidents/route';
import { documented } from '@/lib/api/openapi/testing';
import { createTestTeam, type TestMember } from '@/lib/teams/team-fixtures';
import { createToken } from '@/lib/tokens/mutations';
import { createIncident } from './incident-fixtures';

const GET = documented('listIncidents', incidents.GET);

const tokens: Record<'viewer' | 'editor' | 'admin', string> = { viewer: '', editor: '', admin: '' };
let admin: TestMember;
const RESTRICTED = 'Credentials leaked in build logs';

let nextIp = 1;
function get(query: string, token: string): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${token}`, 'x-forwarded-for': `203.0.113.${nextIp++}` });
  return GET(new Request(`http://hindsight.test/api/v1/incidents${query}`, { headers }), { params: Promise.resolve({}) });
}

interface Body {
  items: { number: number; title: string; startedAt: string; resolvedAt: string | null; visibility: string; services: string[] }[];
  total: number;
  page: number;
  pageSize: number;
  nextCursor: string | null;
}

beforeAll(async () => {
  const team = await createTestTeam('Api');
  admin = await team.add('admin', 'Ada Admin');
  const named = await team.add('editor', 'Nia Named');
  for (const role of ['viewer', 'editor', 'admin'] as const) tokens[role] = (await createToken(admin.actor, { name: `${role} bot`, role })).token;
  await createIncident(team.id, { title: 'Checkout latency spike', severity: 'SEV2', startedAt: '2026-01-10T10:00:00.123Z', resolvedAfterMinutes: 61, services: ['checkout'] });
  await createIncident(team.id, { title: 'Database failover', severity: 'SEV1', startedAt: '2026-03-01T23:30:00Z' });
  await createIncident(team.id, { title: RESTRICTED, severity: 'SEV2', startedAt: '2026-02-20T12:00:00Z', visibility: 'restricted', members: [named.userId], summary: 'A pipeline printed a credential.' });
});

describe('GET /api/v1/incidents', () => {
  it('returns { items, total, page, pageSize } with ISO timestamps', async () => {
    const response = await get('?sort=started_asc&pageSize=1', tokens.viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Body;
    expect(body).toEqual({
      items: [{
        id: expect.any(String), number: 1, title: 'Checkout latency spike', kind: 'incident', severity: 'SEV2', status: 'resolved',
        postmortemStatus: 'draft', visibility: 'team', startedAt: '2026-01-10T10:00:00.123Z', resolvedAt: '2026-01-10T11:01:00.123Z', services: ['checkout'],
      }],
      total: 2, page: 1, pageSize: 1, nextCursor: expect.any(String),
    });
    const last = (await (await get('?sort=started_asc&page=2&pageSize=1', tokens.viewer)).json()) as Body;
    expect(last.nextCursor).toBeNull();
  });

  it('applies the same filters as the page', async () => {
    const body = (await (await get('?severity=sev1&status=active,mitigated&kind=incident&from=2026-03-01', tokens.viewer)).json()) as Body;
    expect(body.items.map((i) => i.title)).toEqual(['Database failover']);
    expect(body.total).toBe(1);
  });

  it('answers 422 naming the bad parameter', async () => {
    for (const [query, param] of [['?severity=SEV9', 'severity'], ['?pageSize=1000', 'pageSize'], ['?from=last-week', 'from'], ['?sort=random', 'sort'], ['?colour=red', 'colour']] as const) {
      const response = await get(query, tokens.viewer);
      expect(response.status, query).toBe(422);
      const body = (await response.json()) as { error: string; message: string; fields: { path: (string | number)[] }[] };
      expect(body.error).toBe('validation_failed');
      expect(body.fields[0]?.path[0]).toBe(param);
      expect(body.message).toContain(param);
    }
  });

  it('never shows a restricted incident to a viewer or editor token: not in items, search or total', async () => {
    for (const token of [tokens.viewer, tokens.editor]) {
      const all = (await (await get('', token)).json()) as Body;
      expect(all.total).toBe(2);
      expect(JSON.stringify(all)).not.toContain(RESTRICTED);
      const search = (await (await get(`?q=${encodeURIComponent('credentials leaked')}`, token)).json()) as Body;
      expect(search).toMatchObject({ items: [], total: 0 });
      expect((await (await get('?q=pipeline', token)).json()) as Body).toMatchObject({ items: [], total: 0 });
    }
  });

  it('shows it to an admin token', async () => {
    const all = (await (await get('', tokens.admin)).json()) as Body;
    expect(all.total).toBe(3);
    const search = (await (await get('?q=credentials+leaked', tokens.admin)).json()) as Body;
    expect(search.items.map((i) => [i.title, i.visibility])).toEqual([[RESTRICTED, 'restricted']]);
  });

  it('refuses a request without a token', async () => {
    const response = await GET(new Request('http://hindsight.test/api/v1/incidents'), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
  });
});

describe('GET /api/v1/incidents with a cursor', () => {
  const cursorTokens = { viewer: '', admin: '' };
  const visible = new Set<number>();
  const restricted = new Set<number>();

  beforeAll(async () => {
    const team = await createTestTeam('Cursor');
    const owner = await team.add('admin');
    for (const role of ['viewer', 'admin'] as const) cursorTokens[role] = (await createToken(owner.actor, { name: `${role} walker`, role })).token;
    for (let i = 0; i < 60; i++) {
      // Groups of three share a start time, so the walk must break ties by number.
      const startedAt = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 3_600_000 + (i % 3 === 2 ? 1 : 0)).toISOString();
      const isRestricted = i % 7 === 3;
      const { number } = await createIncident(team.id, { title: `Cursor ${i}`, severity: 'SEV3', startedAt, visibility: isRestricted ? 'restricted' : 'team' });
      (isRestricted ? restricted : visible).add(number);
    }
  });

  async function walk(query: string, token: string): Promise<number[]> {
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let calls = 0; calls < 100; calls++) {
      const response = await get(`?${query}${cursor ? `&cursor=${cursor}` : ''}`, token);
      expect(response.status, await response.clone().text()).toBe(200);
      const body = (await response.json()) as { items: Body['items']; nextCursor: string | null; limit: number; total: number };
      seen.push(...body.items.map((i) => i.number));
      if (!body.nextCursor) return seen;
      expect(body.items).toHaveLength(body.limit);
      cursor = body.nextCursor;
    }
    throw new Error('the walk did not end');
  }

  it('returns every visible incident exactly once, in order, and never a restricted one', async () => {
    for (const sort of ['started_desc', 'started_asc'] as const) {
      const seen = await walk(`sort=${sort}&limit=7`, cursorTokens.viewer);
      expect(seen).toHaveLength(visible.size);
      expect(new Set(seen)).toEqual(visible);
      expect(seen.some((n) => restricted.has(n))).toBe(false);
      const ordered = [...visible].sort((a, b) => a - b);
      expect(seen).toEqual(sort === 'started_asc' ? ordered : ordered.reverse());
    }
    expect(new Set(await walk('limit=11', cursorTokens.admin))).toEqual(new Set([...visible, ...restricted]));
  });

  it('reports the total and a null nextCursor at the end', async () => {
    const body = (await (await get('?limit=100', cursorTokens.viewer)).json()) as { items: unknown[]; total: number; nextCursor: string | null; limit: number };
    expect(body).toMatchObject({ total: visible.size, nextCursor: null, limit: 100 });
    expect(body.items).toHaveLength(visible.size);
  });

  it('answers 422 naming cursor for another sort, a mixed request or a forged cursor', async () => {
    const first = (await (await get('?limit=5', cursorTokens.viewer)).json()) as { nextCursor: string };
    for (const [query, param] of [
      [`?sort=severity&cursor=${first.nextCursor}`, 'cursor'],
      ['?sort=ttr&limit=5', 'cursor'],
      ['?q=cursor&limit=5', 'cursor'],
      [`?sort=started_asc&cursor=${first.nextCursor}`, 'cursor'],
      [`?page=2&cursor=${first.nextCursor}`, 'cursor'],
      ['?cursor=not-a-cursor', 'cursor'],
      ['?limit=0', 'limit'],
    ] as const) {
      const response = await get(query, cursorTokens.viewer);
      expect(response.status, query).toBe(422);
      const body = (await response.json()) as { fields: { path: (string | number)[] }[] };
      expect(body.fields[0]?.path[0], query).toBe(param);
    }
  });
});
