import 'server-only';
import { db } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/errors';
import { errorFields, log } from '@/lib/log';
import { writeAudit } from '@/lib/audit/write';
import { blockedFor, clearFailures, minutesText, recordFailure, SIGN_IN_LIMIT } from '@/lib/limits/rate-limit';
import { hashPassword, verifyPassword } from './password';
import { signInSchema } from './schemas';

export class SignInRefused extends Error {
  override name = 'SignInRefused';
}

export const WRONG_CREDENTIALS = 'Wrong email or password.';
export const SIGN_IN_UNAVAILABLE = 'Hindsight is temporarily unavailable (the database cannot be reached). Try again in a moment.';
export const SIGN_IN_FAILED = 'Signing in did not work on our side. Try again.';

/**
 * next-auth passes whatever the credentials check throws to the browser verbatim (the sign-in
 * form shows it, and it travels in the ?error= of the redirect). Our own refusals are sentences
 * meant for the user; anything else (a database error carries SQL, table names and the database
 * name) becomes a fixed sentence, and is logged here instead.
 */
export function publicSignInError(error: unknown): SignInRefused {
  if (error instanceof SignInRefused) return error;
  if (isDatabaseUnavailable(error)) return new SignInRefused(SIGN_IN_UNAVAILABLE);
  log('error', 'sign-in failed unexpectedly', errorFields(error));
  return new SignInRefused(SIGN_IN_FAILED);
}

// Verifying against a real hash even for unknown emails keeps response times alike.
const dummyHash = hashPassword('timing-equaliser-not-a-password');

/**
 * Email + password sign-in, with the abuse limit for the (account, address) pair: ten failures
 * in 15 minutes block that pair for 15 minutes, during which even the right password is refused.
 */
export async function signInWithPassword(input: { email: unknown; password: unknown }, ip: string): Promise<{ id: string; sessionVersion: number }> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new SignInRefused(WRONG_CREDENTIALS);
  const { email, password } = parsed.data;
  const key = `sign-in:${email}:${ip}`;

  const blocked = await blockedFor(key);
  if (blocked > 0) {
    await db.$transaction((tx) => writeAudit(tx, { action: 'auth.sign_in_blocked', entity: 'user', entityId: email, ip }));
    throw new SignInRefused(`Too many failed sign-ins for this account from your address. Try again in ${minutesText(blocked)}.`);
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true, sessionVersion: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !user.passwordHash || !ok) {
    const left = await recordFailure(key, SIGN_IN_LIMIT);
    await db.$transaction((tx) => writeAudit(tx, { action: 'auth.sign_in_failed', entity: 'user', entityId: user?.id ?? email, actorId: user?.id, ip }));
    if (left > 0) throw new SignInRefused(`Too many failed sign-ins for this account from your address. Try again in ${minutesText(left)}.`);
    throw new SignInRefused(WRONG_CREDENTIALS);
  }
  if (user.disabledAt) throw new SignInRefused('This account is disabled. Ask an administrator.');
  await clearFailures(key);
  await db.$transaction((tx) => writeAudit(tx, { action: 'auth.sign_in', entity: 'user', entityId: user.id, actorId: user.id, ip }));
  return { id: user.id, sessionVersion: user.sessionVersion };
}
