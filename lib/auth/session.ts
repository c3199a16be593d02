import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { authOptions } from './options';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  timeZone: string | null;
}

/**
 * The signed-in user for this request, or null. The session token is only a pointer: the user is
 * re-read on every request, and a disabled user or a bumped sessionVersion ("sign out everywhere")
 * ends the session right here.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // Reading the request first marks the page dynamic, so it is never prerendered at build time
  // (where there is neither a session nor the production secret).
  await headers();
  const session = await getServerSession(authOptions());
  if (!session?.uid) return null;
  const user = await db.user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, name: true, timeZone: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, name: user.name, timeZone: user.timeZone };
});

/** For pages: the user, or a redirect to sign-in that comes back here. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For server actions and route handlers: the user, or UNAUTHENTICATED. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return user;
}
