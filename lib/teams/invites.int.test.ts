import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { acceptInvite, createInvite, hashInviteToken, listInvites, previewInvite, revokeInvite } from './invites';
import { auditCount, createTestTeam, createTestUser, errorCode } from './team-fixtures';

const DAY = 24 * 60 * 60 * 1000;

describe('createInvite', () => {
  it('returns a 32-byte base64url token once and stores only its SHA-256', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const before = Date.now();
    const invite = await createInvite(admin.actor, { role: 'editor' });

    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(invite.token, 'base64url')).toHaveLength(32);
    expect(invite.path).toBe(`/invite/${invite.token}`);
    expect(invite.expiresAt.getTime() - before).toBeGreaterThanOrEqual(7 * DAY - 1000);
    expect(invite.expiresAt.getTime() - before).toBeLessThanOrEqual(7 * DAY + 1000);

    const row = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).toBe(hashInviteToken(invite.token));
    expect(row).toMatchObject({ role: 'editor', createdById: admin.userId, usedAt: null });
    // The raw token appears nowhere in the database: not in the invite, not in the audit log.
    const dump = JSON.stringify([await db.invite.findMany(), await db.auditLog.findMany()]);
    expect(dump).not.toContain(invite.token);
    expect(await auditCount(team.id, 'team.invite_create')).toBe(1);
  });

  it('validates the expiry (1 to 30 days) without writing anything', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    expect(await errorCode(createInvite(admin.actor, { role: 'viewer', expiresInDays: 0 }))).toBe('ZodError');
    expect(await errorCode(createInvite(admin.actor, { role: 'viewer', expiresInDays: 31 }))).toBe('ZodError');
    expect(await db.invite.count({ where: { teamId: team.id } })).toBe(0);
    expect(await auditCount(team.id)).toBe(0);
  });

  it('is FORBIDDEN for viewers and editors', async () => {
    const team = await createTestTeam();
    const viewer = await team.add('viewer');
    const editor = await team.add('editor');
    expect(await errorCode(createInvite(viewer.actor, { role: 'viewer' }))).toBe('FORBIDDEN');
    expect(await errorCode(createInvite(editor.actor, { role: 'viewer' }))).toBe('FORBIDDEN');
    expect(await errorCode(listInvites(editor.actor))).toBe('FORBIDDEN');
    expect(await db.invite.count({ where: { teamId: team.id } })).toBe(0);
    expect(await auditCount(team.id)).toBe(0);
  });
});

describe('acceptInvite', () => {
  it('joins the team with the invite role, once: a second accept fails', async () => {
    const team = await createTestTeam('Payments');
    const admin = await team.add('admin');
    const { token, id } = await createInvite(admin.actor, { role: 'editor', expiresInDays: 3 });
    const alice = await createTestUser('Alice');
    const bob = await createTestUser('Bob');

    expect(await previewInvite(token)).toMatchObject({ teamName: 'Payments', teamSlug: team.slug, role: 'editor', status: 'pending', alreadyMember: false });
    expect(await acceptInvite(alice, token)).toEqual({ teamSlug: team.slug });
    expect(await db.membership.findUnique({ where: { teamId_userId: { teamId: team.id, userId: alice } }, select: { role: true } })).toEqual({ role: 'editor' });
    const join = await db.auditLog.findFirstOrThrow({ where: { teamId: team.id, action: 'team.member_join' } });
    expect(join).toMatchObject({ actorId: alice });
    expect(join.after).toMatchObject({ role: 'editor', inviteId: id });

    await expect(acceptInvite(bob, token)).rejects.toThrow('This invite link was already used or has expired');
    expect(await db.membership.count({ where: { teamId: team.id, userId: bob } })).toBe(0);
    expect(await previewInvite(token)).toMatchObject({ status: 'used' });
    expect(await auditCount(team.id, 'team.member_join')).toBe(1);
  });

  it('lets only one of two simultaneous accepts win', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const { token } = await createInvite(admin.actor, { role: 'viewer' });
    const users = await Promise.all([createTestUser('One'), createTestUser('Two')]);
    const results = await Promise.allSettled(users.map((u) => acceptInvite(u, token)));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.membership.count({ where: { teamId: team.id } })).toBe(2);
  });

  it('lets one person accepting two invites at once join once, leaving the other invite unused', async () => {
    const team = await createTestTeam('Twice');
    const admin = await team.add('admin');
    const first = await createInvite(admin.actor, { role: 'viewer' });
    const second = await createInvite(admin.actor, { role: 'editor' });
    const user = await createTestUser();
    const results = await Promise.allSettled([acceptInvite(user, first.token), acceptInvite(user, second.token)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(String(rejected?.reason)).toMatch(/already a member/);
    expect(await db.membership.count({ where: { teamId: team.id, userId: user } })).toBe(1);
    expect(await db.invite.count({ where: { teamId: team.id, usedAt: null } })).toBe(1);
    expect(await auditCount(team.id, 'team.member_join')).toBe(1);
  });

  it('refuses an expired invite', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const { token, id } = await createInvite(admin.actor, { role: 'viewer', expiresInDays: 1 });
    await db.invite.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const user = await createTestUser();

    expect(await previewInvite(token)).toMatchObject({ status: 'expired' });
    await expect(acceptInvite(user, token)).rejects.toThrow('This invite link was already used or has expired');
    expect(await db.membership.count({ where: { teamId: team.id, userId: user } })).toBe(0);
    expect(await db.invite.findUniqueOrThrow({ where: { id }, select: { usedAt: true } })).toEqual({ usedAt: null });
    expect(await auditCount(team.id, 'team.member_join')).toBe(0);
  });

  it('tells an existing member so and does not use up the invite', async () => {
    const team = await createTestTeam('Core');
    const admin = await team.add('admin');
    const viewer = await team.add('viewer');
    const { token, id } = await createInvite(admin.actor, { role: 'admin' });

    expect(await previewInvite(token, viewer.userId)).toMatchObject({ alreadyMember: true });
    await expect(acceptInvite(viewer.userId, token)).rejects.toThrow(/already a member of Core/);
    expect(await db.invite.findUniqueOrThrow({ where: { id }, select: { usedAt: true } })).toEqual({ usedAt: null });
    expect(await db.membership.findUniqueOrThrow({ where: { id: viewer.membershipId }, select: { role: true } })).toEqual({ role: 'viewer' });
    expect(await auditCount(team.id, 'team.member_join')).toBe(0);
  });

  it('says an unknown or malformed link is not valid', async () => {
    const user = await createTestUser();
    expect(await previewInvite('not-a-token')).toBeNull();
    expect(await previewInvite('A'.repeat(43))).toBeNull();
    expect(await errorCode(acceptInvite(user, 'A'.repeat(43)))).toBe('NOT_FOUND');
    expect(await errorCode(acceptInvite(user, '../etc'))).toBe('NOT_FOUND');
  });
});

describe('listInvites and revokeInvite', () => {
  it('lists pending, expired and used invites, and revokes a pending one', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const used = await createInvite(admin.actor, { role: 'viewer' });
    const expired = await createInvite(admin.actor, { role: 'viewer' });
    const pending = await createInvite(admin.actor, { role: 'editor' });
    await acceptInvite(await createTestUser(), used.token);
    await db.invite.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const rows = await listInvites(admin.actor);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [used.id]: 'used', [expired.id]: 'expired', [pending.id]: 'pending' });
    expect(rows.find((r) => r.id === pending.id)).toMatchObject({ role: 'editor', createdByName: expect.any(String) });

    await revokeInvite(admin.actor, pending.id);
    expect(await previewInvite(pending.token)).toBeNull();
    expect(await errorCode(acceptInvite(await createTestUser(), pending.token))).toBe('NOT_FOUND');
    expect(await auditCount(team.id, 'team.invite_revoke')).toBe(1);

    // A used invite cannot be revoked; nothing is written for the failed attempt.
    const auditBefore = await auditCount(team.id);
    expect(await errorCode(revokeInvite(admin.actor, used.id))).toBe('CONFLICT');
    expect(await auditCount(team.id)).toBe(auditBefore);
  });

  it('is FORBIDDEN for an editor and cannot reach another team', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const editor = await team.add('editor');
    const invite = await createInvite(admin.actor, { role: 'viewer' });
    const other = await createTestTeam();
    const otherAdmin = await other.add('admin');

    expect(await errorCode(revokeInvite(editor.actor, invite.id))).toBe('FORBIDDEN');
    expect(await errorCode(revokeInvite(otherAdmin.actor, invite.id))).toBe('NOT_FOUND');
    expect(await previewInvite(invite.token)).toMatchObject({ status: 'pending' });
  });
});
