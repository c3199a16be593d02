import { NextResponse } from 'next/server';
import { listApiActions } from '@/lib/actions/queries';
import { parseApiActionQuery } from '@/lib/actions/schemas';
import { toApiAction } from '@/lib/actions/view';
import { apiRoute } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/actions?status=&type=&priority=&ownerEmail=&overdue=true&incident=&factor=&cursor=&limit=
 * The token's team's actions on incidents it may see, newest first: { items, total, limit,
 * nextCursor }. `overdue` is judged in the team's time zone; `incident` is an id or a number;
 * `factor` an id or a name. 422 naming the parameter on a bad or unknown one.
 */
export const GET = apiRoute('viewer', async (request, _context, actor) => {
  const list = await listApiActions(actor, parseApiActionQuery(new URL(request.url).searchParams));
  return NextResponse.json({ ...list, items: list.items.map(toApiAction) });
});
