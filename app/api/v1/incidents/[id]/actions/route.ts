import { NextResponse } from 'next/server';
import { toApiAction } from '@/lib/actions/view';
import { createAction } from '@/lib/actions/mutations';
import { apiRoute } from '@/lib/api/handler';
import { readJsonObject } from '@/lib/incidents/api-body';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/incidents/{id}/actions {title, type, priority?, ownerEmail?, dueDate? (YYYY-MM-DD),
 * ticketUrl?, factor? (id or name), description?} (editor token) -> 201 with the action; 422
 * naming the field (e.g. an owner who is not a member); 404 for an incident the token cannot see.
 */
export const POST = apiRoute<{ id: string }>('editor', async (request, context, actor) => {
  const { id } = await context.params;
  const action = await createAction(actor, id, await readJsonObject(request));
  return NextResponse.json(toApiAction(action), { status: 201, headers: { location: `/api/v1/actions/${action.id}` } });
});
