import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/handler';
import { toApiMetrics } from '@/lib/metric-queries/api';
import { getMetrics, teamTimeZone } from '@/lib/metric-queries/queries';
import { parseMetricQuery } from '@/lib/metric-queries/schemas';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/metrics?from=<ISO>&to=<ISO>&bucket=week|month|none&tz=<IANA>&severity=SEV1,SEV2&service=<name>&kind=incident|drill
 * (any team token): the reliability figures of METRICS.md for [from, to) and each bucket, over the
 * incidents the token may see. Defaults: the 90 days before now, bucket=week, the team's zone,
 * kind=incident. 422 naming the parameter on a bad or unknown one.
 */
export const GET = apiRoute('viewer', async (request, _context, actor) => {
  const now = Date.now();
  const params = parseMetricQuery(new URL(request.url).searchParams, await teamTimeZone(actor), now);
  return NextResponse.json(toApiMetrics(await getMetrics(actor, params, { now }), params));
});
