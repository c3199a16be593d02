import 'server-only';
import { notFound } from 'next/navigation';
import { teamSlugFromParam } from '@/components/shell/sections';
import { displayZone } from '@/components/incidents/format';
import { AppError } from '@/lib/errors';
import { getMeeting } from '@/lib/meetings/queries';
import { pageActor } from '@/lib/teams/session-actor';

export type MeetingParams = Promise<{ team: string; id: string }>;

/** The meeting page's actor, meeting and display zone (404 for another team's or an unknown meeting). */
export async function loadMeetingPage(params: MeetingParams, suffix = '') {
  const { team, id } = await params;
  const slug = teamSlugFromParam(team);
  const base = `/t/${encodeURIComponent(slug)}/review/meetings`;
  const actor = await pageActor(slug, `${base}/${encodeURIComponent(id)}${suffix}`);
  try {
    const meeting = await getMeeting(actor, id);
    return { actor, meeting, zone: displayZone(actor.user.timeZone, actor.team.timeZone).zone, base, href: `${base}/${meeting.id}` };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
