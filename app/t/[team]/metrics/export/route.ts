import { teamSlugFromParam } from '@/components/shell/sections';
import { requireUser } from '@/lib/auth/session';
import { toCsv } from '@/lib/csv';
import { route } from '@/lib/http/route';
import { metricsCsvRows, toApiMetrics } from '@/lib/metric-queries/api';
import { getMetrics } from '@/lib/metric-queries/queries';
import { parseView, viewPeriods } from '@/lib/metric-queries/view';
import { userActor } from '@/lib/teams/access';
import { downloadResponse } from '@/lib/http/download';

// A session route: the dashboard's view (same query string) as CSV; members of the team only
// (404 otherwise, like the pages), over the incidents they may see.
export const GET = route<{ team: string }>(async (request, { params }, { requestId }) => {
  const slug = teamSlugFromParam((await params).team);
  const user = await requireUser();
  const actor = await userActor(user.id, slug, { requestId });
  const { view } = parseView(Object.fromEntries(new URL(request.url).searchParams));
  const now = Date.now();
  const { current } = viewPeriods(view, actor.team.timeZone, now);
  const metrics = toApiMetrics(await getMetrics(actor, current, { now }), current);
  const day = new Date(now).toISOString().slice(0, 10);
  return downloadResponse(toCsv(metricsCsvRows(metrics)), `${slug}-metrics-${view.kind}s-${view.bucket}s-${day}.csv`, 'text/csv; charset=utf-8');
});
