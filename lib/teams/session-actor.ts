import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { requirePageUser, requireUser, type SessionUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { userActor, type Actor, type TeamSummary } from './access';

export type TeamActor = Actor & { team: TeamSummary; user: SessionUser };

/** For server actions: the signed-in user acting on team `slug` (UNAUTHENTICATED / NOT_FOUND otherwise). */
export async function actionActor(slug: string): Promise<TeamActor> {
  const user = await requireUser();
  const h = await headers();
  const actor = await userActor(user.id, slug, { ip: clientIp(h), requestId: h.get('x-request-id') ?? undefined });
  return { ...actor, user };
}

/** For pages under /t/<slug>: sign-in redirect for visitors, 404 for non-members. */
export async function pageActor(slug: string, path: string): Promise<TeamActor> {
  const user = await requirePageUser(path);
  try {
    const actor = await userActor(user.id, slug);
    return { ...actor, user };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
