/**
 * The framework pieces a route handler or server action reads outside a real Next request:
 * the session (next-auth), the request headers (next/headers) and the cache (next/cache). The
 * database is never mocked. Each fuzz test file wires these with vi.mock.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { db } from '@/lib/db';

interface FakeRequest {
  /** Who is signed in (a user id), or null for a visitor. */
  userId: string | null;
  headers: Headers;
}

const scope = new AsyncLocalStorage<FakeRequest>();
const VISITOR: FakeRequest = { userId: null, headers: new Headers() };
const request = () => scope.getStore() ?? VISITOR;

/** Runs `fn` as one request of `userId` (concurrent calls each see their own). */
export function asRequest<T>(userId: string | null, headers: Headers, fn: () => Promise<T>): Promise<T> {
  return scope.run({ userId, headers }, fn);
}

/** next-auth's getServerSession: the signed-in user with their current session version. */
export async function getServerSession(): Promise<{ uid: string; sv: number } | null> {
  const { userId } = request();
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user ? { uid: userId, sv: user.sessionVersion } : null;
}

const cookieStore = { get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined };

export const nextHeaders = {
  headers: async () => new Headers(request().headers),
  cookies: async () => cookieStore,
  draftMode: async () => ({ isEnabled: false }),
};

export const nextCache = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
};
