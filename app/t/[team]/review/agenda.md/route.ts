import { formatInZone } from '@/components/incidents/format';
import { teamSlugFromParam } from '@/components/shell/sections';
import { requireUser } from '@/lib/auth/session';
import { publicOrigin } from '@/lib/http/origin';
import { route } from '@/lib/http/route';
import { buildAgenda } from '@/lib/meetings/agenda';
import { agendaMarkdown } from '@/lib/meetings/agenda-markdown';
import { userActor } from '@/lib/teams/access';
import { downloadResponse } from '@/lib/http/download';

// A session route: the signed-in user must be a member of the team (404 otherwise, like the
// pages); buildAgenda authorizes and reads incidents through visibleIncidentsWhere.
export const GET = route<{ team: string }>(async (request, { params }, { requestId }) => {
  const { team } = await params;
  const user = await requireUser();
  const actor = await userActor(user.id, teamSlugFromParam(team), { requestId });
  const now = new Date();
  const agenda = await buildAgenda(actor, { now });
  const zone = actor.team.timeZone;
  const markdown = agendaMarkdown(agenda, {
    teamName: actor.team.name,
    // Links are absolute so the pasted text works in chat: the pinned public URL, else the origin the browser used.
    origin: publicOrigin(request.headers, request.url),
    formatTime: (d) => `${formatInZone(d, zone)} (${zone})`,
  });
  const day = now.toISOString().slice(0, 10);
  return downloadResponse(markdown, `review-agenda-${actor.team.slug}-${day}.md`, 'text/markdown; charset=utf-8');
});
