import { teamSlugFromParam } from '@/components/shell/sections';
import { displayZone } from '@/components/incidents/format';
import { requireUser } from '@/lib/auth/session';
import { route } from '@/lib/http/route';
import { meetingMinutes } from '@/lib/meetings/minutes';
import { userActor } from '@/lib/teams/access';
import { downloadResponse } from '@/lib/http/download';

// A session route: the signed-in user must be a member of the team (404 otherwise, like the pages);
// items about incidents the user cannot see are left out of the minutes.
export const GET = route<{ team: string; id: string }>(async (_request, { params }, { requestId }) => {
  const { team, id } = await params;
  const user = await requireUser();
  const actor = await userActor(user.id, teamSlugFromParam(team), { requestId });
  const { fileName, markdown } = await meetingMinutes(actor, id, displayZone(user.timeZone, actor.team.timeZone).zone);
  return downloadResponse(markdown, fileName, 'text/markdown; charset=utf-8');
});
