import { teamSlugFromParam } from '@/components/shell/sections';
import { requireUser } from '@/lib/auth/session';
import { clientIp } from '@/lib/http/client-ip';
import { route } from '@/lib/http/route';
import { exportTeam } from '@/lib/portability/export';
import { userActor } from '@/lib/teams/access';
import { downloadResponse } from '@/lib/http/download';

// A session route: members only (404 otherwise); exportTeam refuses everyone but admins (403).
export const GET = route<{ team: string }>(async (request, { params }, { requestId }) => {
  const user = await requireUser();
  const actor = await userActor(user.id, teamSlugFromParam((await params).team), { requestId, ip: clientIp(request.headers) });
  const { fileName, document } = await exportTeam(actor);
  return downloadResponse(JSON.stringify(document, null, 2), fileName, 'application/json; charset=utf-8');
});
