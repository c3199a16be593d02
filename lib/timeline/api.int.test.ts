import { beforeAll, describe, expect, it } from 'vitest';
import * as incidentTimeline from '@/app/api/v1/incidents/[id]/timeline/route';
import * as timelineEntry from '@/app/api/v1/timeline/[id]/route';
import { documented } from '@/lib/api/openapi/testing';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { createTestTeam } from '@/lib/teams/team-fixtures';
import { createToken } from '@/lib/tokens/mutations';

const POST = documented('addTimelineEntry', incidentTimeline.POST);
const PATCH = documented('updateTimelineEntry', timelineEntry.PATCH);
const DELETE = documented('deleteTimelineEntry', timelineEntry.DELETE);

const tokens: Record<'viewer' | 'editor' | 'admin' | 'otherAdmin', string> = { viewer: '', editor: '', admin: '', otherAdmin: '' };
let incidentId: string;
let restrictedId: string;

let nextIp = 1;
function call(handler: typeof POST, method: string, path: string, id: string, token: string, body?: unknown): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${token}`, 'x-forwarded-for': `198.51.100.${nextIp++}`, 'content-type': 'application/json' });
  const request = new Request(`http://hindsight.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return handler(request, { params: Promise.resolve({ id }) });
}
const post = (id: string, token: string, body: unknown) => call(POST, 'POST', `/api/v1/incidents/${id}/timeline`, id, token, body);
const patch = (id: string, token: string, body: unknown) => call(PATCH, 'PATCH', `/api/v1/timeline/${id}`, id, token, body);
const del = (id: string, token: string, query: string) => call(DELETE, 'DELETE', `/api/v1/timeline/${id}${query}`, id, token);

interface EventBody { id: string; occurredAt: string; kind: string; body: string; keyMoment: boolean; version: number }

beforeAll(async () => {
  const team = await createTestTeam('Timeline API');
  const admin = await team.add('admin');
  for (const role of ['viewer', 'editor', 'admin'] as const) tokens[role] = (await createToken(admin.actor, { name: `${role} bot`, role })).token;
  const other = await createTestTeam('Elsewhere');
  tokens.otherAdmin = (await createToken((await other.add('admin')).actor, { name: 'other', role: 'admin' })).token;
  incidentId = (await createIncident(team.id, { title: 'Cache stampede', severity: 'SEV2', startedAt: '2026-03-01T09:00:00Z' })).id;
  restrictedId = (await createIncident(team.id, { title: 'Restricted', severity: 'SEV2', startedAt: '2026-03-01T09:00:00Z', visibility: 'restricted' })).id;
});

describe('timeline API', () => {
  it('POST answers 201 with the entry, stored to the millisecond', async () => {
    const response = await post(incidentId, tokens.editor, { occurredAt: '2026-03-01T10:02:03.456+01:00', kind: 'detection', body: 'Alert fired', keyMoment: true });
    expect(response.status).toBe(201);
    expect((await response.json()) as EventBody).toMatchObject({ occurredAt: '2026-03-01T09:02:03.456Z', kind: 'detection', keyMoment: true, version: 1, incidentId });
  });

  it('POST answers 422 with the field path', async () => {
    for (const [body, field] of [
      [{ occurredAt: '2026-03-01T10:02:03', kind: 'note', body: 'no offset' }, 'occurredAt'],
      [{ occurredAt: '2026-03-01T10:02:03Z', kind: 'blame', body: 'x' }, 'kind'],
      [{ occurredAt: '2026-03-01T10:02:03Z', kind: 'note', body: '  ' }, 'body'],
    ] as const) {
      const response = await post(incidentId, tokens.editor, body);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { fields: { path: string[] }[] }).fields[0]?.path).toEqual([field]);
    }
  });

  it('POST refuses viewers (403) and hides restricted or foreign incidents (404)', async () => {
    const ok = { occurredAt: '2026-03-01T10:00:00Z', kind: 'note', body: 'x' };
    expect((await post(incidentId, tokens.viewer, ok)).status).toBe(403);
    expect((await post(restrictedId, tokens.editor, ok)).status).toBe(404);
    expect((await post(incidentId, tokens.otherAdmin, ok)).status).toBe(404);
    expect((await post('not-a-uuid', tokens.editor, ok)).status).toBe(404);
    expect((await post(restrictedId, tokens.admin, ok)).status).toBe(201);
  });

  it('PATCH updates with the current version and answers 409 with the current entry when stale', async () => {
    const created = (await (await post(incidentId, tokens.editor, { occurredAt: '2026-03-01T09:10:00Z', kind: 'action', body: 'Flushed' })).json()) as EventBody;
    const first = await patch(created.id, tokens.editor, { version: 1, body: 'Flushed the cache' });
    expect(first.status).toBe(200);
    expect(((await first.json()) as EventBody).version).toBe(2);
    const stale = await patch(created.id, tokens.admin, { version: 1, body: 'Mine' });
    expect(stale.status).toBe(409);
    expect((await stale.json()) as { current: EventBody }).toMatchObject({ error: 'conflict', current: { version: 2, body: 'Flushed the cache' } });
    const missing = await patch(created.id, tokens.editor, { body: 'no version' });
    expect(missing.status).toBe(422);
    expect((await patch(created.id, tokens.otherAdmin, { version: 2, body: 'x' })).status).toBe(404);
  });

  it('DELETE needs the current version: 409 when stale, 422 when missing, 200 otherwise', async () => {
    const created = (await (await post(incidentId, tokens.editor, { occurredAt: '2026-03-01T09:20:00Z', kind: 'note', body: 'Temp' })).json()) as EventBody;
    await patch(created.id, tokens.editor, { version: 1, keyMoment: true });
    expect((await del(created.id, tokens.editor, '?version=1')).status).toBe(409);
    const missing = await del(created.id, tokens.editor, '');
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { fields: { path: string[] }[] }).fields[0]?.path).toEqual(['version']);
    expect((await del(created.id, tokens.otherAdmin, '?version=2')).status).toBe(404);
    expect((await del(created.id, tokens.viewer, '?version=2')).status).toBe(403);
    const ok = await del(created.id, tokens.editor, '?version=2');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: created.id, deleted: true });
  });
});
