import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestTeam, createTestUser, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { createToken } from '@/lib/tokens/mutations';
import { auditFilterOptions, listAudit, type AuditPage } from './queries';

const at = (iso: string) => new Date(iso);

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;
let tokenId: string;
let tokenPrefix: string;

/**
 * One team with a known log: 120 bulk rows on 2026-03-01 (three per second, so pages split
 * inside equal timestamps), a few dated rows, account events of members and non-members, and
 * another team's rows that must never show.
 */
beforeAll(async () => {
  team = await createTestTeam('Audited');
  admin = await team.add('admin', 'Ada Admin');
  editor = await team.add('editor', 'Eve Editor');
  const token = await createToken(admin.actor, { name: 'exporter' }); // writes token.create now
  tokenId = token.id;
  tokenPrefix = token.prefix;
  const outsider = await createTestUser('Olga Outsider');
  const other = await createTestTeam('Other');
  const bulk = Array.from({ length: 120 }, (_, i) => ({
    teamId: team.id,
    actorId: editor.userId,
    action: 'incident.update',
    entity: 'incident',
    entityId: `bulk-${String(i).padStart(3, '0')}`,
    createdAt: new Date(Date.UTC(2026, 2, 1, 12, 0, Math.floor(i / 3))),
  }));
  await db.auditLog.createMany({
    data: [
      ...bulk,
      { teamId: team.id, actorToken: tokenId, action: 'token.use', entity: 'api_token', entityId: tokenId, after: { path: '/api/v1/team' }, createdAt: at('2026-02-10T08:00:00Z') },
      { teamId: team.id, action: 'team.create', entity: 'team', entityId: team.id, after: { via: 'npm run token' }, createdAt: at('2026-01-05T23:59:59.999Z') },
      { teamId: team.id, actorId: admin.userId, action: 'member.role_change', entity: 'membership', before: { role: 'viewer' }, after: { role: 'editor' }, createdAt: at('2026-01-06T00:00:00Z') },
      { teamId: null, actorId: editor.userId, action: 'auth.sign_in_failed', entity: 'user', entityId: editor.userId, ip: '203.0.113.5', createdAt: at('2026-01-20T10:00:00Z') },
      { teamId: null, actorId: outsider, action: 'auth.sign_in_failed', entity: 'user', entityId: outsider, createdAt: at('2026-01-20T10:00:00Z') },
      { teamId: other.id, action: 'team.create', entity: 'team', entityId: other.id, createdAt: at('2026-02-01T00:00:00Z') },
    ],
  });
});

const ids = (page: AuditPage) => page.rows.map((r) => r.entityId);

describe('listAudit', () => {
  it('is for admins only', async () => {
    expect(await errorCode(listAudit(editor.actor, {}))).toBe('FORBIDDEN');
    expect(await errorCode(auditFilterOptions(editor.actor))).toBe('FORBIDDEN');
  });

  it('pages newest first, 50 at a time, forwards and back, through equal timestamps', async () => {
    const bulk = { action: 'incident' };
    const p1 = await listAudit(admin.actor, bulk);
    expect(ids(p1)).toHaveLength(50);
    expect(['bulk-117', 'bulk-118', 'bulk-119']).toContain(ids(p1)[0]); // equal timestamps: ordered by id
    expect(p1.newer).toBeNull();
    const p2 = await listAudit(admin.actor, { ...bulk, before: p1.older! });
    const p3 = await listAudit(admin.actor, { ...bulk, before: p2.older! });
    expect(ids(p3)).toHaveLength(20);
    expect(p3.older).toBeNull();
    expect(new Set([...ids(p1), ...ids(p2), ...ids(p3)]).size).toBe(120);
    expect(['bulk-000', 'bulk-001', 'bulk-002']).toContain(ids(p3).at(-1));

    const back2 = await listAudit(admin.actor, { ...bulk, after: p3.newer! });
    expect(ids(back2)).toEqual(ids(p2));
    const back1 = await listAudit(admin.actor, { ...bulk, after: back2.newer! });
    expect(ids(back1)).toEqual(ids(p1));
    expect(back1.newer).toBeNull();
    expect(back1.older).toBe(p1.older);
  });

  it('shows the team’s rows and its members’ account events, never other teams’ or outsiders’', async () => {
    const rows = (await listAudit(admin.actor, { to: '2026-02-28' })).rows;
    expect(rows.map((r) => r.action)).toEqual(['token.use', 'auth.sign_in_failed', 'member.role_change', 'team.create']);
    expect(rows[1]).toMatchObject({ actor: { kind: 'user', name: 'Eve Editor' }, ip: '203.0.113.5' });
  });

  it('names actors: a user, an API token by prefix, or the system', async () => {
    const rows = (await listAudit(admin.actor, { to: '2026-02-28' })).rows;
    expect(rows[0]?.actor).toEqual({ kind: 'token', prefix: `hs_${tokenPrefix}_…`, name: 'exporter' });
    expect(rows[2]).toMatchObject({ actor: { kind: 'user', name: 'Ada Admin' }, before: { role: 'viewer' }, after: { role: 'editor' } });
    expect(rows[3]?.actor).toEqual({ kind: 'system' });
  });

  it('filters by action group, actor and UTC days (both ends inclusive)', async () => {
    const actions = async (filters: Record<string, string>) => (await listAudit(admin.actor, filters)).rows.map((r) => r.action);
    expect(await actions({ action: 'token' })).toEqual(['token.create', 'token.use']);
    expect(await actions({ action: 'auth' })).toEqual(['auth.sign_in_failed']);
    expect(await actions({ actor: `token:${tokenId}` })).toEqual(['token.use']);
    expect(await actions({ actor: 'system' })).toEqual(['team.create']);
    expect(await actions({ actor: `user:${admin.userId}`, to: '2026-12-31' })).toContain('member.role_change');
    expect(await actions({ from: '2026-01-06', to: '2026-01-20' })).toEqual(['auth.sign_in_failed', 'member.role_change']);
    expect(await actions({ from: '2026-01-05', to: '2026-01-05' })).toEqual(['team.create']);
  });

  it('ignores malformed filters instead of failing', async () => {
    const all = await listAudit(admin.actor, {});
    const garbage = await listAudit(admin.actor, { actor: 'user:nope', from: '2026-13-45', action: 'DROP TABLE', before: 'xyz', after: ['a', 'b'] });
    expect(ids(garbage)).toEqual(ids(all));
  });
});

describe('auditFilterOptions', () => {
  it('offers the action groups and actors found in the team’s log', async () => {
    const options = await auditFilterOptions(admin.actor);
    expect(options.actions).toEqual(['auth', 'incident', 'member', 'team', 'token']);
    expect(options.actors.map((a) => a.value)).toEqual([`user:${admin.userId}`, `user:${editor.userId}`, `token:${tokenId}`, 'system']);
    expect(options.actors[2]?.label).toBe(`API token hs_${tokenPrefix}_… (exporter)`);
  });
});
