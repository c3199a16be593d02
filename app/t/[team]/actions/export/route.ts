import { teamSlugFromParam } from '@/components/shell/sections';
import { actionCsvRow, CSV_HEADER, toCsv } from '@/lib/actions/csv';
import { exportActions } from '@/lib/actions/queries';
import { parseActionFiltersLeniently } from '@/lib/actions/schemas';
import { requireUser } from '@/lib/auth/session';
import { route } from '@/lib/http/route';
import { userActor } from '@/lib/teams/access';
import { downloadResponse } from '@/lib/http/download';

// A session route: members of the team only (404 otherwise, like the pages); the rows are the
// board's current filters over the incidents this member may see (restricted ones never leak).
export const GET = route<{ team: string }>(async (request, { params }, { requestId }) => {
  const { team } = await params;
  const user = await requireUser();
  const actor = await userActor(user.id, teamSlugFromParam(team), { requestId });
  const url = new URL(request.url);
  const raw: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) raw[key] = url.searchParams.getAll(key);
  const { filters } = parseActionFiltersLeniently(raw);
  const rows = await exportActions(actor, { ...filters, page: 1 });
  const day = new Date().toISOString().slice(0, 10);
  // A byte-order mark so spreadsheet programs read the file as UTF-8.
  return downloadResponse(`\uFEFF${toCsv([CSV_HEADER, ...rows.map(actionCsvRow)])}`, `${actor.teamSlug.replace(/[^a-z0-9-]/gi, '-')}-actions-${day}.csv`, 'text/csv; charset=utf-8');
});
