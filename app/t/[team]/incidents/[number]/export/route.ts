import { teamSlugFromParam } from '@/components/shell/sections';
import { requireUser } from '@/lib/auth/session';
import { parseIncidentNumber } from '@/lib/incidents/detail';
import { route } from '@/lib/http/route';
import { exportPostmortem } from '@/lib/postmortem/export-data';
import { userActor } from '@/lib/teams/access';
import { downloadResponse } from '@/lib/http/download';

// A session route: the signed-in user must be a member of the team (404 otherwise, like the pages)
// and see the incident (restricted ones are 404 for everyone not named on them).
export const GET = route<{ team: string; number: string }>(async (_request, { params }, { requestId }) => {
  const { team, number } = await params;
  const user = await requireUser();
  const actor = await userActor(user.id, teamSlugFromParam(team), { requestId });
  const { fileName, markdown } = await exportPostmortem(actor, parseIncidentNumber(number));
  return downloadResponse(markdown, fileName, 'text/markdown; charset=utf-8');
});
