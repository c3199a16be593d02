import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { changeRole, leaveTeam, listMembers, removeMember } from './members';
import { auditCount, createTestTeam, errorCode } from './team-fixtures';

async function roleOf(membershipId: string) {
  return db.membership.findUnique({ where: { id: membershipId }, select: { role: true, version: true } });
}

describe('listMembers', () => {
  it('shows every member, with name, email, role and join date, to any member', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin', 'Ada Admin');
    const viewer = await team.add('viewer', 'Vic Viewer');
    const other = await createTestTeam();
    await other.add('admin', 'Someone Else');

    const rows = await listMembers(viewer.actor);
    expect(rows.map((r) => [r.name, r.role])).toEqual([
      ['Ada Admin', 'admin'],
      ['Vic Viewer', 'viewer'],
    ]);
    expect(rows[0]).toMatchObject({ membershipId: admin.membershipId, userId: admin.userId, version: 1 });
    expect(rows[0]?.email).toMatch(/@example\.test$/);
    expect(rows[0]?.joinedAt).toBeInstanceOf(Date);
  });
});

describe('changeRole', () => {
  it('changes a role, bumps the version and audits before and after', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const member = await team.add('viewer');

    expect(await changeRole(admin.actor, member.membershipId, 'editor', 1)).toEqual({ version: 2 });
    expect(await roleOf(member.membershipId)).toEqual({ role: 'editor', version: 2 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { teamId: team.id, action: 'team.role_change' } });
    expect(audit).toMatchObject({ actorId: admin.userId, entity: 'membership', entityId: member.membershipId });
    expect(audit.before).toMatchObject({ role: 'viewer', version: 1 });
    expect(audit.after).toMatchObject({ role: 'editor', version: 2 });
  });

  it('is FORBIDDEN for viewers and editors, and writes nothing', async () => {
    const team = await createTestTeam();
    await team.add('admin');
    const viewer = await team.add('viewer');
    const editor = await team.add('editor');

    expect(await errorCode(changeRole(viewer.actor, editor.membershipId, 'viewer', 1))).toBe('FORBIDDEN');
    expect(await errorCode(changeRole(editor.actor, viewer.membershipId, 'admin', 1))).toBe('FORBIDDEN');
    expect(await errorCode(changeRole(editor.actor, editor.membershipId, 'admin', 1))).toBe('FORBIDDEN');
    expect(await roleOf(editor.membershipId)).toEqual({ role: 'editor', version: 1 });
    expect(await auditCount(team.id)).toBe(0);
  });

  it('is a CONFLICT with a stale version, and tells the current role', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const member = await team.add('viewer');
    await changeRole(admin.actor, member.membershipId, 'editor', 1);

    const error = await changeRole(admin.actor, member.membershipId, 'admin', 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).details.current).toEqual({ role: 'editor', version: 2 });
    expect(await roleOf(member.membershipId)).toEqual({ role: 'editor', version: 2 });
    expect(await auditCount(team.id, 'team.role_change')).toBe(1);
  });

  it('refuses to demote the last admin, and writes no audit row', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    await team.add('editor');

    await expect(changeRole(admin.actor, admin.membershipId, 'editor', 1)).rejects.toThrow(/at least one admin/);
    expect(await roleOf(admin.membershipId)).toEqual({ role: 'admin', version: 1 });
    expect(await auditCount(team.id)).toBe(0);
  });

  it('lets an admin step down while another admin remains', async () => {
    const team = await createTestTeam();
    const a = await team.add('admin');
    await team.add('admin');
    await changeRole(a.actor, a.membershipId, 'viewer', 1);
    expect(await roleOf(a.membershipId)).toEqual({ role: 'viewer', version: 2 });
  });

  it('leaves exactly one admin when the last two admins demote each other at the same time', async () => {
    for (let round = 0; round < 5; round++) {
      const team = await createTestTeam();
      const a = await team.add('admin');
      const b = await team.add('admin');

      const results = await Promise.allSettled([
        changeRole(a.actor, b.membershipId, 'editor', 1),
        changeRole(b.actor, a.membershipId, 'editor', 1),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      // The loser either sees that it is no longer an admin or that it would remove the last one.
      expect((rejected?.reason as AppError).code).toMatch(/^(FORBIDDEN|CONFLICT)$/);
      expect(await db.membership.count({ where: { teamId: team.id, role: 'admin' } })).toBe(1);
      expect(await auditCount(team.id, 'team.role_change')).toBe(1);
    }
  });

  it('leaves one admin when two admins step down at the same time', async () => {
    const team = await createTestTeam();
    const a = await team.add('admin');
    const b = await team.add('admin');
    const results = await Promise.allSettled([
      changeRole(a.actor, a.membershipId, 'viewer', 1),
      changeRole(b.actor, b.membershipId, 'viewer', 1),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.membership.count({ where: { teamId: team.id, role: 'admin' } })).toBe(1);
  });

  it('cannot reach a membership of another team', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const other = await createTestTeam();
    const stranger = await other.add('viewer');
    expect(await errorCode(changeRole(admin.actor, stranger.membershipId, 'admin', 1))).toBe('NOT_FOUND');
    expect(await roleOf(stranger.membershipId)).toEqual({ role: 'viewer', version: 1 });
  });
});

describe('removeMember', () => {
  it('removes a member and audits it', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const member = await team.add('editor');
    await removeMember(admin.actor, member.membershipId);
    expect(await roleOf(member.membershipId)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { teamId: team.id, action: 'team.member_remove' } });
    expect(audit).toMatchObject({ actorId: admin.userId, entityId: member.membershipId });
    expect(audit.before).toMatchObject({ userId: member.userId, role: 'editor' });
  });

  it('also drops their named access to the team\'s restricted incidents (and only this team\'s)', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    const member = await team.add('viewer');
    const other = await createTestTeam();
    await db.membership.create({ data: { teamId: other.id, userId: member.userId, role: 'viewer' } });
    const restricted = (teamId: string) =>
      db.incident.create({ data: { teamId, number: 1, title: 'Restricted', severity: 'SEV2', visibility: 'restricted', startedAt: new Date(), members: { create: { userId: member.userId } } } });
    await restricted(team.id);
    await restricted(other.id);

    await removeMember(admin.actor, member.membershipId);
    expect(await db.incidentMember.count({ where: { userId: member.userId, incident: { teamId: team.id } } })).toBe(0);
    expect(await db.incidentMember.count({ where: { userId: member.userId, incident: { teamId: other.id } } })).toBe(1);
  });

  it('is FORBIDDEN for an editor', async () => {
    const team = await createTestTeam();
    await team.add('admin');
    const editor = await team.add('editor');
    const viewer = await team.add('viewer');
    expect(await errorCode(removeMember(editor.actor, viewer.membershipId))).toBe('FORBIDDEN');
    expect(await roleOf(viewer.membershipId)).not.toBeNull();
    expect(await auditCount(team.id)).toBe(0);
  });

  it('cannot remove the last admin', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    await expect(removeMember(admin.actor, admin.membershipId)).rejects.toThrow(/at least one admin/);
    expect(await roleOf(admin.membershipId)).not.toBeNull();
    expect(await auditCount(team.id)).toBe(0);
  });
});

describe('leaveTeam', () => {
  it('lets any member leave, and audits it', async () => {
    const team = await createTestTeam();
    await team.add('admin');
    const viewer = await team.add('viewer');
    await leaveTeam(viewer.actor);
    expect(await roleOf(viewer.membershipId)).toBeNull();
    expect(await auditCount(team.id, 'team.member_leave')).toBe(1);
  });

  it('refuses the last admin ("make another member admin first"), and writes no audit row', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    await team.add('editor');
    await expect(leaveTeam(admin.actor)).rejects.toThrow(/Make another member admin first/);
    expect(await roleOf(admin.membershipId)).not.toBeNull();
    expect(await auditCount(team.id)).toBe(0);
  });

  it('keeps one admin when the last two admins leave at the same time', async () => {
    const team = await createTestTeam();
    const a = await team.add('admin');
    const b = await team.add('admin');
    const results = await Promise.allSettled([leaveTeam(a.actor), leaveTeam(b.actor)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.membership.count({ where: { teamId: team.id, role: 'admin' } })).toBe(1);
    expect(await auditCount(team.id, 'team.member_leave')).toBe(1);
  });

  it('refuses API tokens (a token is not a member)', async () => {
    const team = await createTestTeam();
    const admin = await team.add('admin');
    expect(await errorCode(leaveTeam({ ...admin.actor, userId: null, tokenId: crypto.randomUUID() }))).toBe('FORBIDDEN');
  });
});
