import 'server-only';
import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { writeAudit } from '@/lib/audit/write';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { isTimeZone } from '@/lib/time-zone';

export const profileSchema = z.object({
  name: pgText().trim().min(1, 'Enter your name').max(100, 'Use at most 100 characters').optional(),
  /** null: show times in each team's time zone. */
  timeZone: pgText()
    .trim()
    .refine(isTimeZone, 'Pick a valid IANA time zone, like Europe/Berlin')
    .nullable(),
});

export type ProfileInput = z.input<typeof profileSchema>;

export interface Profile {
  name: string;
  timeZone: string | null;
}

/**
 * Changes the signed-in user's own profile: their name and the time zone they see times in
 * (null falls back to the team's). Only the user themself calls this (the caller passes the
 * session's user id); the change and an audit row commit together.
 */
export async function updateProfile(userId: string, input: ProfileInput, meta: { ip?: string } = {}): Promise<Profile> {
  const data = profileSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { name: true, timeZone: true, disabledAt: true } });
    if (!before || before.disabledAt) throw notFound('User not found');
    const after = await tx.user.update({
      where: { id: userId },
      data: { timeZone: data.timeZone, ...(data.name !== undefined ? { name: data.name } : {}), version: { increment: 1 } },
      select: { name: true, timeZone: true },
    });
    await writeAudit(tx, {
      actorId: userId,
      action: 'user.profile_update',
      entity: 'user',
      entityId: userId,
      before: { name: before.name, timeZone: before.timeZone },
      after,
      ip: meta.ip,
    });
    return after;
  });
}
