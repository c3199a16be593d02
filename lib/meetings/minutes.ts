import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/teams/access';
import { renderMinutes } from './minutes-markdown';
import { getMeeting } from './queries';
import { sectionTitle } from './sections';

/** The meeting's minutes as a Markdown file, with what this actor may see of it (viewer and above). */
export async function meetingMinutes(actor: Actor, meetingId: string, zone: string): Promise<{ fileName: string; markdown: string }> {
  const meeting = await getMeeting(actor, meetingId);
  const team = await db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { name: true } });
  const markdown = renderMinutes({ ...meeting, teamName: team.name, zone, sectionTitle });
  return { fileName: `review-${actor.teamSlug}-${meeting.heldAt.slice(0, 10)}.md`, markdown };
}
