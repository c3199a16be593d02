import { NextResponse } from 'next/server';
import { updateAction } from '@/lib/actions/mutations';
import { getAction } from '@/lib/actions/queries';
import { toApiAction } from '@/lib/actions/view';
import { apiRoute } from '@/lib/api/handler';
import { readJsonObject } from '@/lib/incidents/api-body';

export const dynamic = 'force-dynamic';

/** GET /api/v1/actions/{id} -> the action (404 when unknown or on an incident the token cannot see). */
export const GET = apiRoute<{ id: string }>('viewer', async (_request, context, actor) => {
  const { id } = await context.params;
  return NextResponse.json(toApiAction(await getAction(actor, id)));
});

/**
 * PATCH /api/v1/actions/{id} {version, title?, description?, type?, priority?, ownerEmail? | null,
 * dueDate? | null, ticketUrl? | null, factor? | null, status?, wontDoReason?} (editor token) ->
 * 200 with the action. done stamps completedAt, leaving done clears it; wont_do needs
 * wontDoReason (422); a stale version is 409 with `current`.
 */
export const PATCH = apiRoute<{ id: string }>('editor', async (request, context, actor) => {
  const { id } = await context.params;
  return NextResponse.json(toApiAction(await updateAction(actor, id, await readJsonObject(request))));
});
