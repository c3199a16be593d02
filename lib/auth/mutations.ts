import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write';
import { hashPassword } from './password';
import { signUpSchema } from './schemas';

/** Creates an account with email and password. */
export async function signUp(input: unknown, ip: string): Promise<{ id: string }> {
  const data = signUpSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (exists) throw new AppError('VALIDATION', 'An account with this email already exists. Sign in instead.', { fields: [{ path: ['email'], message: 'An account with this email already exists. Sign in instead.' }] });
    const user = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash }, select: { id: true } });
    await writeAudit(tx, { action: 'auth.sign_up', entity: 'user', entityId: user.id, actorId: user.id, ip, after: { email: data.email, name: data.name } });
    return user;
  });
}

/** Ends every session of the user, on every device, from their next request on. */
export async function signOutEverywhere(userId: string, ip: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 }, version: { increment: 1 } } });
    await writeAudit(tx, { action: 'auth.sign_out_everywhere', entity: 'user', entityId: userId, actorId: userId, ip });
  });
}
