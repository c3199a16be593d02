import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestUser, errorCode } from '@/lib/teams/team-fixtures';
import { updateProfile } from './profile';

const profileOf = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { name: true, timeZone: true, version: true } });

describe('updateProfile', () => {
  it('sets and clears the time zone, with an audit row each time', async () => {
    const userId = await createTestUser('Zoe Zone');
    await expect(updateProfile(userId, { timeZone: 'America/Los_Angeles' }, { ip: '198.51.100.7' })).resolves.toEqual({ name: 'Zoe Zone', timeZone: 'America/Los_Angeles' });
    expect(await profileOf(userId)).toMatchObject({ timeZone: 'America/Los_Angeles', version: 2 });
    await updateProfile(userId, { timeZone: null });
    expect((await profileOf(userId)).timeZone).toBeNull();
    const audit = await db.auditLog.findMany({ where: { entityId: userId, action: 'user.profile_update' }, orderBy: { createdAt: 'asc' }, select: { actorId: true, before: true, after: true, ip: true } });
    expect(audit).toEqual([
      { actorId: userId, before: { name: 'Zoe Zone', timeZone: null }, after: { name: 'Zoe Zone', timeZone: 'America/Los_Angeles' }, ip: '198.51.100.7' },
      { actorId: userId, before: { name: 'Zoe Zone', timeZone: 'America/Los_Angeles' }, after: { name: 'Zoe Zone', timeZone: null }, ip: null },
    ]);
  });

  it('renames when a name is given', async () => {
    const userId = await createTestUser('Old Name');
    await updateProfile(userId, { name: '  New Name ', timeZone: 'UTC' });
    expect(await profileOf(userId)).toMatchObject({ name: 'New Name', timeZone: 'UTC' });
  });

  it('refuses an unknown zone or an empty name, and changes nothing', async () => {
    const userId = await createTestUser('Val Id');
    for (const input of [{ timeZone: 'Mars/Olympus_Mons' }, { timeZone: '' }, { name: ' ', timeZone: null }]) {
      expect(await errorCode(updateProfile(userId, input))).toBe('ZodError');
    }
    expect(await profileOf(userId)).toMatchObject({ name: 'Val Id', timeZone: null, version: 1 });
    expect(await db.auditLog.count({ where: { entityId: userId } })).toBe(0);
  });

  it('refuses a disabled or missing user', async () => {
    const userId = await createTestUser('Dee Abled');
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await errorCode(updateProfile(userId, { timeZone: 'UTC' }))).toBe('NOT_FOUND');
    expect(await errorCode(updateProfile('00000000-0000-4000-8000-000000000000', { timeZone: 'UTC' }))).toBe('NOT_FOUND');
  });
});
