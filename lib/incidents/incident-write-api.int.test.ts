import { beforeAll, describe, expect, it } from 'vitest';
import * as oneIncident from '@/app/api/v1/incidents/[id]/route';
import * as incidents from '@/app/api/v1/incidents/route';
import { documented } from '@/lib/api/openapi/testing';
import { createTestTeam } from '@/lib/teams/team-fixtures';
import { createToken } from '@/lib/tokens/mutations';
import { createIncident as insertIncident } from './incident-fixtures';

const getOne = documented('getIncident', oneIncident.GET);
const PATCH = documented('updateIncident', oneIncident.PATCH);
const POST = documented('createIncident', incidents.POST);

const tokens: Record<'viewer' | 'editor' | 'admin', string> = { viewer: '', editor: '', admin: '' };
let restrictedId = '';

let nextIp = 1;
function call(method: string, path: string, token: string, body?: unknown): Request {
  const headers = new Headers({ authorization: `Bearer ${token}`, 'x-forwarded-for': `198.51.100.${nextIp++}`, 'content-type': 'application/json' });
  return new Request(`http://hindsight.test/api/v1/incidents${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const post = (token: string, body?: unknown) => POST(call('POST', '', token, body), { params: Promise.resolve({}) });
const patch = (id: string, token: string, body?: unknown) => PATCH(call('PATCH', `/${id}`, token, body), { params: Promise.resolve({ id }) });
const get = (id: string, token: string) => getOne(call('GET', `/${id}`, token), { params: Promise.resolve({ id }) });

interface Fields { fields: { path: (string | number)[]; message: string }[] }

beforeAll(async () => {
  const team = await createTestTeam('Write API');
  const admin = await team.add('admin');
  for (const role of ['viewer', 'editor', 'admin'] as const) tokens[role] = (await createToken(admin.actor, { name: `${role} bot`, role })).token;
  restrictedId = (await insertIncident(team.id, { title: 'Secret', severity: 'SEV1', startedAt: '2026-01-01T00:00:00Z', visibility: 'restricted' })).id;
});

describe('POST /api/v1/incidents', () => {
  it('creates an incident: 201 with id, number and version, timestamps to the millisecond', async () => {
    const response = await post(tokens.editor, { title: 'API outage', severity: 'SEV2', startedAt: '2026-03-12T15:00:00.123+01:00', detectedAt: '2026-03-12T14:05:00Z', services: ['api'] });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; number: number; version: number; startedAt: string; services: string[]; status: string };
    expect(body).toMatchObject({ number: 2, version: 1, startedAt: '2026-03-12T14:00:00.123Z', services: ['api'], status: 'active' });
    const one = await get(body.id, tokens.viewer);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: body.id, timeline: [] });
  });

  it('answers 422 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ title: 'x', severity: 'SEV2', startedAt: '2026-03-12T14:00:00Z', detectedAt: '2026-03-12T13:00:00Z' }, 'detectedAt'],
      [{ title: 'x', severity: 'SEV2', startedAt: '2026-03-12T14:00:00' }, 'startedAt'],
      [{ severity: 'SEV2', startedAt: '2026-03-12T14:00:00Z' }, 'title'],
    ];
    for (const [body, field] of cases) {
      const response = await post(tokens.editor, body);
      expect(response.status, field).toBe(422);
      expect(((await response.json()) as Fields).fields[0]?.path).toEqual([field]);
    }
    expect((await post(tokens.editor)).status).toBe(422);
  });

  it('is 403 for a viewer token', async () => {
    expect((await post(tokens.viewer, { title: 'x', severity: 'SEV2', startedAt: '2026-03-12T14:00:00Z' })).status).toBe(403);
  });
});

describe('PATCH /api/v1/incidents/{id}', () => {
  it('updates at the current version and answers 409 with the current incident on a stale one', async () => {
    const created = (await (await post(tokens.editor, { title: 'Patch me', severity: 'SEV3', startedAt: '2026-03-12T14:00:00Z' })).json()) as { id: string };
    const ok = await patch(created.id, tokens.editor, { version: 1, resolvedAt: '2026-03-12T15:00:00Z' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ version: 2, status: 'resolved' });
    const stale = await patch(created.id, tokens.admin, { version: 1, title: 'Overwrite' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'conflict', current: { version: 2, title: 'Patch me' } });
  });

  it('requires the version (422) and names a misordered field', async () => {
    const created = (await (await post(tokens.editor, { title: 'Order', severity: 'SEV3', startedAt: '2026-03-12T14:00:00Z' })).json()) as { id: string };
    const missing = await patch(created.id, tokens.editor, { title: 'No version' });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as Fields).fields[0]?.path).toEqual(['version']);
    const misordered = await patch(created.id, tokens.editor, { version: 1, detectedAt: '2026-03-12T13:00:00Z' });
    expect(misordered.status).toBe(422);
    expect(((await misordered.json()) as Fields).fields[0]?.path).toEqual(['detectedAt']);
  });

  it('hides restricted incidents from non-admin tokens (404) and unknown ids', async () => {
    expect((await get(restrictedId, tokens.viewer)).status).toBe(404);
    expect((await patch(restrictedId, tokens.editor, { version: 1, title: 'x' })).status).toBe(404);
    expect((await get(restrictedId, tokens.admin)).status).toBe(200);
    expect((await get('not-a-uuid', tokens.admin)).status).toBe(404);
  });
});
