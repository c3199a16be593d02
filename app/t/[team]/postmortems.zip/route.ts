import { teamSlugFromParam } from '@/components/shell/sections';
import { requireUser } from '@/lib/auth/session';
import { route } from '@/lib/http/route';
import { buildPostmortemArchive } from '@/lib/postmortem/archive';
import { userActor } from '@/lib/teams/access';
import { downloadResponse } from '@/lib/http/download';

// A session route: members only (404 otherwise); each reader gets the post-mortems they may see.
export const GET = route<{ team: string }>(async (_request, { params }, { requestId }) => {
  const user = await requireUser();
  const actor = await userActor(user.id, teamSlugFromParam((await params).team), { requestId });
  const { fileName, zip } = await buildPostmortemArchive(actor);
  return downloadResponse(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName, 'application/zip');
});
