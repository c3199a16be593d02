import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/handler';
import { readJsonObject } from '@/lib/incidents/api-body';
import { patchIncidentSchema } from '@/lib/incidents/incident-schemas';
import { updateIncident } from '@/lib/incidents/mutations';
import { getApiIncidentWithTimeline, getIncidentById, toApiIncident } from '@/lib/incidents/record';

export const dynamic = 'force-dynamic';

type Params = { id: string };

/** GET /api/v1/incidents/{id}: the incident with its timeline; 404 when the token may not see it. */
export const GET = apiRoute<Params>('viewer', async (_request, context, actor) => {
  const { id } = await context.params;
  return NextResponse.json(await getApiIncidentWithTimeline(actor, id));
});

/**
 * PATCH /api/v1/incidents/{id} {version, ...fields} (editor token): the updated incident;
 * 404 when the token may not see it, 422 naming the field, 409 with `current` on a stale version.
 */
export const PATCH = apiRoute<Params>('editor', async (request, context, actor) => {
  const { id } = await context.params;
  // Existence first: a token that may not see the incident learns nothing from validation errors.
  await getIncidentById(actor, id);
  const { version, ...fields } = patchIncidentSchema.parse(await readJsonObject(request));
  return NextResponse.json(toApiIncident(await updateIncident(actor, id, fields, version)));
});
