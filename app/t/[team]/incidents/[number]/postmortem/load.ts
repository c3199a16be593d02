import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { getIncidentHeader, parseIncidentNumber } from '@/lib/incidents/detail';
import { pageActor } from '@/lib/teams/session-actor';
import { teamSlugFromParam } from '@/components/shell/sections';

/** Domain NOT_FOUND (an invisible incident or section) becomes the 404 page. */
export async function or404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** The actor and the visible incident for a post-mortem route (sign-in redirect, 404 otherwise). */
export async function loadPostmortemRoute(params: Promise<{ team: string; number: string }>, tail: string) {
  const { team, number } = await params;
  const slug = teamSlugFromParam(team);
  const base = `/t/${encodeURIComponent(slug)}/incidents/${encodeURIComponent(number)}/postmortem`;
  const actor = await pageActor(slug, `${base}${tail}`);
  const incident = await or404(() => getIncidentHeader(actor, parseIncidentNumber(number)));
  return { slug, base, actor, incident };
}
