import { beforeAll, describe, expect, it } from 'vitest';
import * as factors from '@/app/api/v1/factors/route';
import * as incidentFactors from '@/app/api/v1/incidents/[id]/factors/route';
import { documented } from '@/lib/api/openapi/testing';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { createTestTeam } from '@/lib/teams/team-fixtures';
import { createToken } from '@/lib/tokens/mutations';
import { createFactor, setFactorArchived } from './mutations';

const GET = documented('listFactors', factors.GET);
const POST = documented('linkFactor', incidentFactors.POST);

const tokens: Record<'viewer' | 'editor' | 'admin' | 'otherAdmin', string> = { viewer: '', editor: '', admin: '', otherAdmin: '' };
let incidentId: string;
let restrictedId: string;
let existingId: string;
let teamId: string;

let nextIp = 1;
function request(method: string, path: string, token: string, body?: unknown): Request {
  const headers = new Headers({ authorization: `Bearer ${token}`, 'x-forwarded-for': `198.51.100.${nextIp++}`, 'content-type': 'application/json' });
  return new Request(`http://hindsight.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const post = (id: string, token: string, body: unknown) => POST(request('POST', `/api/v1/incidents/${id}/factors`, token, body), { params: Promise.resolve({ id }) });
const get = (query: string, token: string) => GET(request('GET', `/api/v1/factors${query}`, token), { params: Promise.resolve({}) });

interface Link { id: string; factorId: string; factorName: string; category: string; howItContributed: string; version: number }
interface Catalog { factors: { id: string; name: string; archived: boolean; incidentCount: number; openActionCount: number }[] }

beforeAll(async () => {
  const team = await createTestTeam('Factors API');
  teamId = team.id;
  const admin = await team.add('admin');
  for (const role of ['viewer', 'editor', 'admin'] as const) tokens[role] = (await createToken(admin.actor, { name: `${role} bot`, role })).token;
  const other = await createTestTeam('Elsewhere');
  tokens.otherAdmin = (await createToken((await other.add('admin')).actor, { name: 'other', role: 'admin' })).token;
  incidentId = (await createIncident(team.id, { title: 'Queue backlog', severity: 'SEV2', startedAt: '2026-03-01T09:00:00Z' })).id;
  restrictedId = (await createIncident(team.id, { title: 'Restricted', severity: 'SEV2', startedAt: '2026-03-01T09:00:00Z', visibility: 'restricted' })).id;
  existingId = (await createFactor(admin.actor, { name: 'Consumer lag unmonitored', category: 'technical' })).id;
  const archived = await createFactor(admin.actor, { name: 'Old archived factor', category: 'process' });
  await setFactorArchived(admin.actor, archived.id, { version: 1, archived: 'true' });
});

describe('POST /api/v1/incidents/{id}/factors', () => {
  it('links by id, by name ignoring case, or creates with a category (201)', async () => {
    const byId = await post(incidentId, tokens.editor, { factor: existingId, howItContributed: 'Nobody saw the lag grow' });
    expect(byId.status).toBe(201);
    expect((await byId.json()) as Link).toMatchObject({ factorId: existingId, factorName: 'Consumer lag unmonitored', version: 1 });
    const created = await post(incidentId, tokens.editor, { factor: 'Partition hot spot', category: 'technical', howItContributed: 'One partition took all the writes' });
    expect(created.status).toBe(201);
    const other = await createIncident(teamId, { title: 'Second', severity: 'SEV3', startedAt: '2026-03-02T09:00:00Z' });
    const byName = await post(other.id, tokens.editor, { factor: 'PARTITION hot SPOT', howItContributed: 'Again' });
    expect(byName.status).toBe(201);
    expect(((await byName.json()) as Link).factorId).toBe(((await created.json()) as Link).factorId);
  });

  it('answers 409 when already linked, 422 with field paths on bad input', async () => {
    const again = await post(incidentId, tokens.editor, { factor: existingId, howItContributed: 'twice' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toMatch(/already linked/);
    for (const [body, field] of [
      [{ factor: 'Brand new factor', howItContributed: 'x' }, 'category'],
      [{ factor: 'Brand new factor', category: 'blame', howItContributed: 'x' }, 'category'],
      [{ factor: existingId, howItContributed: ' ' }, 'howItContributed'],
      [{ howItContributed: 'x' }, 'factor'],
    ] as const) {
      const response = await post(incidentId, tokens.editor, body);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { fields: { path: string[] }[] }).fields[0]?.path).toEqual([field]);
    }
  });

  it('refuses viewers (403) and hides restricted, foreign or unknown incidents (404)', async () => {
    const ok = { factor: existingId, howItContributed: 'x' };
    expect((await post(incidentId, tokens.viewer, ok)).status).toBe(403);
    expect((await post(restrictedId, tokens.editor, ok)).status).toBe(404);
    expect((await post(incidentId, tokens.otherAdmin, ok)).status).toBe(404);
    expect((await post('not-a-uuid', tokens.editor, ok)).status).toBe(404);
    expect((await post(restrictedId, tokens.admin, ok)).status).toBe(201);
  });
});

describe('GET /api/v1/factors', () => {
  it('lists the catalog with counts, archived only on request, fuzzy q, own team only', async () => {
    const all = (await (await get('', tokens.viewer)).json()) as Catalog;
    expect(all.factors.find((f) => f.id === existingId)).toMatchObject({ incidentCount: 1, openActionCount: 0 });
    expect(all.factors.map((f) => f.name)).not.toContain('Old archived factor');
    const withArchived = (await (await get('?includeArchived=true', tokens.viewer)).json()) as Catalog;
    expect(withArchived.factors.find((f) => f.name === 'Old archived factor')?.archived).toBe(true);
    expect(((await (await get('?q=consumr%20lag', tokens.viewer)).json()) as Catalog).factors[0]?.id).toBe(existingId);
    expect(((await (await get('?includeArchived=true', tokens.admin)).json()) as Catalog).factors.find((f) => f.id === existingId)?.incidentCount).toBe(2);
    expect(((await (await get('', tokens.otherAdmin)).json()) as Catalog).factors).toEqual([]);
    const bad = await get('?category=blame', tokens.viewer);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { fields: { path: string[] }[] }).fields[0]?.path).toEqual(['category']);
    expect((await get('', 'not-a-token')).status).toBe(401);
  });
});
