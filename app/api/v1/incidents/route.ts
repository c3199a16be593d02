import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/handler';
import { listIncidents, toApiIncidentList } from '@/lib/incidents/queries';
import { parseIncidentQuery } from '@/lib/incidents/schemas';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/incidents?q=&status=&severity=&service=&kind=&from=&to=&sort=&page=&pageSize=
 * The token's team's incidents the token may see (restricted ones only with an admin token),
 * as { items, total, page, pageSize }; 422 naming the parameter on a bad or unknown one.
 */
export const GET = apiRoute('viewer', async (request, _context, actor) => {
  const filters = parseIncidentQuery(new URL(request.url).searchParams);
  return NextResponse.json(toApiIncidentList(await listIncidents(actor, filters)));
});
