import { teamSlugFromParam } from '@/components/shell/sections';
import { requireUser } from '@/lib/auth/session';
import { clientIp } from '@/lib/http/client-ip';
import { route } from '@/lib/http/route';
import { exportTeam } from '@/lib/portability/export';
import { userActor } from '@/lib/teams/access';

// A session route: members only (404 otherwise); exportTeam refuses everyone but admins (403).
export const GET = route<{ team: string }>(async (request, { params }, { requestId }) => {
  const user = await requireUser();
  const actor = await userActor(user.id, teamSlugFromParam((await params).team), { requestId, ip: clientIp(request.headers) });
  const { fileName, document } = await exportTeam(actor);
  return new Response(JSON.stringify(document, null, 2), {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
