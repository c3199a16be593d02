import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/handler';
import { listApiMembers } from '@/lib/api/team';

export const dynamic = 'force-dynamic';

/** GET /api/v1/members: the team's members (name, email, role). */
export const GET = apiRoute('viewer', async (_request, _context, actor) => NextResponse.json({ members: await listApiMembers(actor) }));
