import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/handler';
import { readJsonObject } from '@/lib/incidents/api-body';
import { createIncident } from '@/lib/incidents/mutations';
import { listIncidents, toApiIncidentList } from '@/lib/incidents/queries';
import { toApiIncident } from '@/lib/incidents/record';
import { parseIncidentQuery } from '@/lib/incidents/schemas';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/incidents?q=&status=&severity=&service=&kind=&from=&to=&sort=&page=&pageSize=
 * (or &cursor=&limit= with sort started_desc|started_asc). The token's team's incidents the
 * token may see (restricted ones only with an admin token), as { items, total, page, pageSize,
 * nextCursor } or, with a cursor, { items, total, limit, nextCursor }; 422 naming the parameter
 * on a bad or unknown one.
 */
export const GET = apiRoute('viewer', async (request, _context, actor) => {
  const filters = parseIncidentQuery(new URL(request.url).searchParams);
  return NextResponse.json(toApiIncidentList(await listIncidents(actor, filters)));
});

/**
 * POST /api/v1/incidents {title, severity, kind?, startedAt, detectedAt?, acknowledgedAt?,
 * mitigatedAt?, resolvedAt?, services?, summary?, customerImpact?, visibility?} (editor token):
 * 201 with the incident; 422 naming the field (timestamps are ISO-8601 with offset).
 */
export const POST = apiRoute('editor', async (request, _context, actor) => {
  const incident = await createIncident(actor, await readJsonObject(request));
  return NextResponse.json(toApiIncident(incident), { status: 201, headers: { location: `/api/v1/incidents/${incident.id}` } });
});
