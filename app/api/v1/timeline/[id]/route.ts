import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/handler';
import { readJsonBody } from '@/lib/timeline/api';
import { deleteEvent, updateEvent } from '@/lib/timeline/mutations';

export const dynamic = 'force-dynamic';

/**
 * PATCH /api/v1/timeline/{id} {version, occurredAt?, kind?, body?, keyMoment?} -> 200 with the entry;
 * 409 with `current` when `version` is stale.
 */
export const PATCH = apiRoute<{ id: string }>('editor', async (request, context, actor) => {
  const { id } = await context.params;
  return NextResponse.json(await updateEvent(actor, id, await readJsonBody(request)));
});

/** DELETE /api/v1/timeline/{id}?version=N -> 200 {id, deleted: true}; 409 with `current` when stale. */
export const DELETE = apiRoute<{ id: string }>('editor', async (request, context, actor) => {
  const { id } = await context.params;
  const version = new URL(request.url).searchParams.get('version');
  const deleted = await deleteEvent(actor, id, version);
  return NextResponse.json({ ...deleted, deleted: true });
});
