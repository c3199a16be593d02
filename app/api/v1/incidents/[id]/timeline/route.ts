import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/timeline/api';
import { addEvent } from '@/lib/timeline/mutations';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/incidents/{id}/timeline {occurredAt, kind, body, keyMoment?} -> 201 with the entry.
 * Editor tokens and above; an incident the token may not see (another team's, or restricted) is 404.
 */
export const POST = apiRoute<{ id: string }>('editor', async (request, context, actor) => {
  const { id } = await context.params;
  const event = await addEvent(actor, id, await readJsonBody(request));
  return NextResponse.json({ ...event, incidentId: id }, { status: 201 });
});
