import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/teams/access';
import { auditCount, createTestTeam, errorCode } from '@/lib/teams/team-fixtures';
import { hashToken, TOKEN_PATTERN } from './mint';
import { createToken, revokeToken } from './mutations';
import { listTokens } from './queries';

describe('createToken', () => {
  it('returns the secret once and stores only its sha256 and prefix', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin', 'Ada Admin');
    const created = await createToken(admin.actor, { name: '  CI deploy bot ', role: 'editor' });

    expect(created.token).toMatch(TOKEN_PATTERN);
    expect(created).toMatchObject({ name: 'CI deploy bot', role: 'editor', prefix: created.token.slice(3, 11) });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ teamId: team.id, tokenHash: hashToken(created.token), prefix: created.prefix, createdById: admin.userId, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(created.token.slice(12));

    const listed = await listTokens(admin.actor);
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: 'CI deploy bot', createdBy: 'Ada Admin', role: 'editor' })]);
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
  });

  it('writes a token.create audit row without the secret', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const created = await createToken({ ...admin.actor, ip: '203.0.113.9', requestId: 'req-create-1' }, { name: 'exporter' });

    const rows = await db.auditLog.findMany({ where: { teamId: team.id, action: 'token.create' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: admin.userId, entity: 'api_token', entityId: created.id, ip: '203.0.113.9', requestId: 'req-create-1' });
    expect(rows[0]?.after).toEqual({ name: 'exporter', role: 'viewer', prefix: `hs_${created.prefix}_…` });
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(12));
  });

  it('is for admins only, and not for API tokens', async () => {
    const team = await createTestTeam();
    const editor = await team.add('editor');
    const viewer = await team.add('viewer');
    const tokenActor: Actor = { userId: null, tokenId: crypto.randomUUID(), teamId: team.id, teamSlug: team.slug, role: 'admin' };
    expect(await errorCode(createToken(editor.actor, { name: 'x' }))).toBe('FORBIDDEN');
    expect(await errorCode(createToken(viewer.actor, { name: 'x' }))).toBe('FORBIDDEN');
    expect(await errorCode(createToken(tokenActor, { name: 'x' }))).toBe('FORBIDDEN');
    expect(await db.apiToken.count({ where: { teamId: team.id } })).toBe(0);
  });

  it('validates the name and role', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    await expect(createToken(admin.actor, { name: '   ' })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(createToken(admin.actor, { name: 'x', role: 'owner' })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(createToken(admin.actor, { name: 'x'.repeat(81) })).rejects.toMatchObject({ name: 'ZodError' });
  });
});

describe('revokeToken', () => {
  it('revokes once, audits once, and is idempotent', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const { id } = await createToken(admin.actor, { name: 'old bot' });

    expect(await revokeToken(admin.actor, { id })).toEqual({ alreadyRevoked: false });
    expect(await revokeToken(admin.actor, { id })).toEqual({ alreadyRevoked: true });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeInstanceOf(Date);
    expect(await auditCount(team.id, 'token.revoke')).toBe(1);
    const [listed] = await listTokens(admin.actor);
    expect(listed?.revokedAt).toBeInstanceOf(Date);
  });

  it('cannot reach another team’s token, and is for admins only', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const editor = await team.add('editor');
    const other = await createTestTeam();
    const otherAdmin = await other.add('admin');
    const { id } = await createToken(admin.actor, { name: 'bot' });

    expect(await errorCode(revokeToken(otherAdmin.actor, { id }))).toBe('NOT_FOUND');
    expect(await errorCode(revokeToken(editor.actor, { id }))).toBe('FORBIDDEN');
    await expect(revokeToken(admin.actor, { id: 'not-a-uuid' })).rejects.toMatchObject({ name: 'ZodError' });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });
});

describe('listTokens', () => {
  it('lists only the team’s tokens, active first, and only to admins', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const viewer = await team.add('viewer');
    const other = await createTestTeam();
    await createToken((await other.add('admin')).actor, { name: 'theirs' });
    const first = await createToken(admin.actor, { name: 'first' });
    await createToken(admin.actor, { name: 'second' });
    await revokeToken(admin.actor, { id: first.id });

    expect((await listTokens(admin.actor)).map((t) => [t.name, t.revokedAt === null])).toEqual([
      ['second', true],
      ['first', false],
    ]);
    expect(await errorCode(listTokens(viewer.actor))).toBe('FORBIDDEN');
  });
});
