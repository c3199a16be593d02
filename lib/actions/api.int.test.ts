import { beforeAll, describe, expect, it } from 'vitest';
import * as listActions from '@/app/api/v1/actions/route';
import * as oneAction from '@/app/api/v1/actions/[id]/route';
import * as incidentActions from '@/app/api/v1/incidents/[id]/actions/route';
import { documented } from '@/lib/api/openapi/testing';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { auditCount, createTestTeam, type TestMember } from '@/lib/teams/team-fixtures';
import { createToken } from '@/lib/tokens/mutations';
import { createFactor } from './action-fixtures';

const listRoute = documented('listActions', listActions.GET);
const getRoute = documented('getAction', oneAction.GET);
const PATCH = documented('updateAction', oneAction.PATCH);
const POST = documented('createAction', incidentActions.POST);

const tokens: Record<'viewer' | 'editor' | 'admin', string> = { viewer: '', editor: '', admin: '' };
let teamId: string;
let admin: TestMember;
let owner: TestMember;
let incidentId: string;
let restrictedId: string;
let foreignToken: string;

let nextIp = 1;
function call(method: string, path: string, token: string, body?: unknown): Request {
  const headers = new Headers({ authorization: `Bearer ${token}`, 'x-forwarded-for': `198.51.100.${nextIp++}`, 'content-type': 'application/json' });
  return new Request(`http://hindsight.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const create = (id: string, token: string, body: unknown) => POST(call('POST', `/api/v1/incidents/${id}/actions`, token, body), { params: Promise.resolve({ id }) });
const patch = (id: string, token: string, body: unknown) => PATCH(call('PATCH', `/api/v1/actions/${id}`, token, body), { params: Promise.resolve({ id }) });
const list = (query: string, token: string) => listRoute(call('GET', `/api/v1/actions${query}`, token), { params: Promise.resolve({}) });

beforeAll(async () => {
  const team = await createTestTeam('ActionsApi');
  teamId = team.id;
  admin = await team.add('admin', 'Ada Admin');
  owner = await team.add('viewer', 'Olu Owner');
  for (const role of ['viewer', 'editor', 'admin'] as const) tokens[role] = (await createToken(admin.actor, { name: `${role} bot`, role })).token;
  const other = await createTestTeam('Elsewhere');
  foreignToken = (await createToken((await other.add('admin')).actor, { name: 'foreign', role: 'admin' })).token;
  incidentId = (await createIncident(teamId, { title: 'Cache stampede', severity: 'SEV2', startedAt: '2026-03-01T09:00:00Z' })).id;
  restrictedId = (await createIncident(teamId, { title: 'Restricted', severity: 'SEV1', startedAt: '2026-03-02T09:00:00Z', visibility: 'restricted' })).id;
  await createFactor(teamId, 'No request coalescing');
});

describe('POST /api/v1/incidents/{id}/actions', () => {
  it('creates with ownerEmail and factor by name: 201', async () => {
    const response = await create(incidentId, tokens.editor, { title: 'Coalesce cache fills', type: 'prevent', factor: 'No request coalescing', dueDate: '2020-01-02', ticketUrl: 'https://tracker.test/C-1' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ title: 'Coalesce cache fills', priority: 'P2', status: 'open', dueDate: '2020-01-02', factor: { name: 'No request coalescing' }, version: 1 });
    expect(body.daysOverdue).toBeGreaterThan(0);
    expect(response.headers.get('location')).toBe(`/api/v1/actions/${body.id}`);
  });

  it('422 with the field path; 403 for a viewer token; 404 for another team or a restricted incident', async () => {
    const bad = await create(incidentId, tokens.editor, { title: 'x', type: 'prevent', ownerEmail: 'stranger@example.test' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields).toEqual([{ path: ['ownerEmail'], message: 'The owner must be a member of this team' }]);
    const badDay = await create(incidentId, tokens.editor, { title: 'x', type: 'prevent', dueDate: '01/02/2026' });
    expect((await badDay.json()).fields[0].path).toEqual(['dueDate']);
    expect((await create(incidentId, tokens.viewer, { title: 'x', type: 'prevent' })).status).toBe(403);
    expect((await create(incidentId, foreignToken, { title: 'x', type: 'prevent' })).status).toBe(404);
    expect((await create(restrictedId, tokens.editor, { title: 'x', type: 'prevent' })).status).toBe(404);
  });
});

describe('GET /api/v1/actions and PATCH /api/v1/actions/{id}', () => {
  it('pages with a cursor and filters (overdue, ownerEmail, incident)', async () => {
    const ownerEmail = (await (await import('@/lib/db')).db.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { email: true } })).email;
    for (const title of ['One', 'Two', 'Three']) expect((await create(incidentId, tokens.editor, { title, type: 'process', ownerEmail })).status).toBe(201);
    const first = await (await list('?limit=2', tokens.viewer)).json();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(4);
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(['Three', 'Two']);
    const second = await (await list(`?limit=2&cursor=${first.nextCursor}`, tokens.viewer)).json();
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['One', 'Coalesce cache fills']);
    expect(second.nextCursor).toBeNull();
    expect((await (await list('?overdue=true', tokens.viewer)).json()).items.map((i: { title: string }) => i.title)).toEqual(['Coalesce cache fills']);
    expect((await (await list(`?ownerEmail=${encodeURIComponent(ownerEmail)}`, tokens.viewer)).json()).total).toBe(3);
    expect((await (await list(`?incident=${incidentId}&status=open`, tokens.viewer)).json()).total).toBe(4);
    expect((await list('?cursor=garbage', tokens.viewer)).status).toBe(422);
    expect((await list('?owner=x', tokens.viewer)).status).toBe(422);
    expect((await (await list('', foreignToken)).json()).total).toBe(0);
  });

  it('PATCH: status rules, 409 on a stale version, 404 for invisible, audited', async () => {
    const created = await (await create(incidentId, tokens.editor, { title: 'Patch me', type: 'mitigate' })).json();
    const done = await patch(created.id, tokens.editor, { version: 1, status: 'done' });
    expect(done.status).toBe(200);
    expect((await done.json()).completedAt).toEqual(expect.any(String));
    const stale = await patch(created.id, tokens.editor, { version: 1, status: 'open' });
    expect(stale.status).toBe(409);
    expect((await stale.json()).current).toMatchObject({ version: 2, status: 'done' });
    const noReason = await patch(created.id, tokens.editor, { version: 2, status: 'wont_do' });
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).fields[0].path).toEqual(['wontDoReason']);
    const reopened = await (await patch(created.id, tokens.admin, { version: 2, status: 'open' })).json();
    expect(reopened.completedAt).toBeNull();
    expect((await patch(created.id, tokens.viewer, { version: 3, status: 'done' })).status).toBe(403);
    expect((await patch(created.id, foreignToken, { version: 3, status: 'done' })).status).toBe(404);
    expect((await getRoute(call('GET', `/api/v1/actions/${created.id}`, tokens.viewer), { params: Promise.resolve({ id: created.id }) })).status).toBe(200);
    expect(await auditCount(teamId, 'action.status')).toBeGreaterThanOrEqual(2);
  });
});
