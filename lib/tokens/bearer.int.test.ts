import { describe, expect, it } from 'vitest';
import * as membersRoute from '@/app/api/v1/members/route';
import * as teamRoute from '@/app/api/v1/team/route';
import { documented } from '@/lib/api/openapi/testing';
import { apiRoute } from '@/lib/api/handler';
import { db } from '@/lib/db';
import type { Role } from '@/lib/teams/access';
import { createTestTeam } from '@/lib/teams/team-fixtures';
import { rateLimitKey } from './bearer';
import { createToken, revokeToken } from './mutations';

type Endpoint = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

const getTeam = documented('getTeam', teamRoute.GET);
const getMembers = documented('listMembers', membersRoute.GET);
const whoAmI = apiRoute('viewer', async (_request, _context, actor) => Response.json(actor));
const editorOnly = apiRoute('editor', async () => Response.json({ wrote: true }));

// Failed attempts log a warning each; keep the test output readable.
process.env.LOG_LEVEL = 'error';

let nextIp = 1;
/** A fresh client address per test: the failure counters are per address and shared by the file. */
const freshIp = () => `198.51.100.${nextIp++}`;

function call(endpoint: Endpoint, opts: { token?: string; authorization?: string; ip: string; path?: string }): Promise<Response> {
  const headers = new Headers({ 'x-forwarded-for': opts.ip });
  const authorization = opts.authorization ?? (opts.token ? `Bearer ${opts.token}` : undefined);
  if (authorization) headers.set('authorization', authorization);
  return endpoint(new Request(`http://hindsight.test${opts.path ?? '/api/v1/test'}`, { headers }), { params: Promise.resolve({}) });
}

async function teamWithToken(role: Role = 'viewer') {
  const team = await createTestTeam('Platform');
  const admin = await team.add('admin', 'Ada Admin');
  const created = await createToken(admin.actor, { name: `${role} bot`, role });
  return { team, admin, created };
}

describe('bearer authentication', () => {
  it('turns a valid token into a team actor without a user', async () => {
    const { team, created } = await teamWithToken('viewer');
    const response = await call(whoAmI, { token: created.token, ip: '192.0.2.10' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ userId: null, tokenId: created.id, teamId: team.id, teamSlug: team.slug, role: 'viewer', ip: '192.0.2.10' });
  });

  it('refuses a missing token with 401 and a Bearer challenge, without counting a failure', async () => {
    const ip = freshIp();
    const response = await call(whoAmI, { ip });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="hindsight"');
    expect(await response.json()).toMatchObject({ error: 'unauthenticated', requestId: expect.any(String) });
    expect(await db.rateLimit.findUnique({ where: { key: rateLimitKey(ip) } })).toBeNull();
  });

  it('refuses unknown, malformed and revoked tokens alike, with invalid_token', async () => {
    const { team, admin, created } = await teamWithToken();
    await revokeToken(admin.actor, { id: created.id });
    const ip = freshIp();
    // An unknown token of the right shape: the revoked one with its last character changed.
    const unknown = `${created.token.slice(0, -1)}${created.token.endsWith('A') ? 'B' : 'A'}`;
    const attempts = [created.token, unknown, 'hs_nope', 'garbage'].map((token) => call(whoAmI, { token, ip }));
    attempts.push(call(whoAmI, { authorization: 'Bearer', ip }));
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
      expect((await response.json()).message).toBe('The API token is invalid or has been revoked.');
    }
    expect(await db.rateLimit.findUnique({ where: { key: rateLimitKey(ip) }, select: { count: true } })).toEqual({ count: 5 });
    expect(await db.auditLog.count({ where: { teamId: team.id, action: 'token.auth_failed', entityId: created.id } })).toBe(1);
  });

  it('keeps a viewer token out of an editor endpoint (403) and lets an editor token in', async () => {
    const viewer = await teamWithToken('viewer');
    const editor = await teamWithToken('editor');
    const refused = await call(editorOnly, { token: viewer.created.token, ip: freshIp() });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'forbidden' });
    expect((await call(editorOnly, { token: editor.created.token, ip: freshIp() })).status).toBe(200);
  });

  it('blocks an address after 10 failures in 15 minutes, even for a valid token; other addresses still work', async () => {
    const { created } = await teamWithToken();
    const ip = freshIp();
    for (let i = 1; i <= 9; i++) expect((await call(whoAmI, { token: `hs_aaaaaaaa_${'x'.repeat(43)}`, ip })).status).toBe(401);
    const tenth = await call(whoAmI, { token: 'wrong', ip });
    expect(tenth.status).toBe(429);

    const blocked = await call(whoAmI, { token: created.token, ip });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(await blocked.json()).toMatchObject({ error: 'rate_limited', message: 'Too many failed API token attempts from your address. Try again in 15 minutes.' });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toBeNull();

    expect((await call(whoAmI, { token: created.token, ip: freshIp() })).status).toBe(200);
  });

  it('a successful call does not reset the address’s failure count', async () => {
    const { created } = await teamWithToken();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await call(whoAmI, { token: 'wrong', ip });
    expect((await call(whoAmI, { token: created.token, ip })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await call(whoAmI, { token: 'wrong', ip })).status).toBe(401);
    expect((await call(whoAmI, { token: 'wrong', ip })).status).toBe(429);
  });

  it('records lastUsedAt and a token.use audit row at most once a minute', async () => {
    const { team, created } = await teamWithToken();
    const ip = freshIp();
    const uses = () => db.auditLog.findMany({ where: { teamId: team.id, action: 'token.use' }, select: { actorToken: true, actorId: true, ip: true, after: true } });

    await call(whoAmI, { token: created.token, ip, path: '/api/v1/members' });
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    expect(await uses()).toEqual([{ actorToken: created.id, actorId: null, ip, after: { method: 'GET', path: '/api/v1/members' } }]);

    await Promise.all([1, 2, 3].map(() => call(whoAmI, { token: created.token, ip })));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(first);
    expect(await uses()).toHaveLength(1);

    const longAgo = new Date(Date.now() - 2 * 60_000);
    await db.apiToken.update({ where: { id: created.id }, data: { lastUsedAt: longAgo } });
    await call(whoAmI, { token: created.token, ip });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt!.getTime()).toBeGreaterThan(longAgo.getTime());
    expect(await uses()).toHaveLength(2);
  });
});

describe('GET /api/v1/team and /api/v1/members', () => {
  it('return the token’s own team and its members only', async () => {
    const { team, created } = await teamWithToken('viewer');
    await team.add('editor', 'Eve Editor');
    const other = await createTestTeam('Elsewhere');
    await other.add('admin', 'Olga Other');

    const teamResponse = await call(getTeam, { token: created.token, ip: freshIp(), path: '/api/v1/team' });
    expect(teamResponse.status).toBe(200);
    expect(await teamResponse.json()).toEqual({ team: { slug: team.slug, name: 'Platform', timeZone: 'UTC' }, role: 'viewer' });

    const membersResponse = await call(getMembers, { token: created.token, ip: freshIp(), path: '/api/v1/members' });
    const body = (await membersResponse.json()) as { members: { name: string; email: string; role: string }[] };
    expect(body.members.map((m) => [m.name, m.role])).toEqual([
      ['Ada Admin', 'admin'],
      ['Eve Editor', 'editor'],
    ]);
    expect(body.members[0]?.email).toMatch(/@example\.test$/);
  });

  it('answer 401 without a token', async () => {
    expect((await call(getTeam, { ip: freshIp(), path: '/api/v1/team' })).status).toBe(401);
    expect((await call(getMembers, { ip: freshIp(), path: '/api/v1/members' })).status).toBe(401);
  });
});
