import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/handler';
import { getApiTeam } from '@/lib/api/team';

export const dynamic = 'force-dynamic';

/** GET /api/v1/team: the token's team and the token's role on it. */
export const GET = apiRoute('viewer', async (_request, _context, actor) => NextResponse.json({ team: await getApiTeam(actor), role: actor.role }));
