import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/handler';
import { linkFactorByReference } from '@/lib/factors/links';
import { readJsonBody } from '@/lib/timeline/api';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/incidents/{id}/factors {factor, category?, description?, howItContributed} -> 201 with the link.
 * `factor` is a factor id or a name (matched ignoring case); an unknown name creates the factor and
 * then needs `category` (422 on ['category']). Already linked: 409. Editor tokens and above; an
 * incident the token may not see (another team's, or restricted) is 404.
 */
export const POST = apiRoute<{ id: string }>('editor', async (request, context, actor) => {
  const { id } = await context.params;
  const link = await linkFactorByReference(actor, id, await readJsonBody(request));
  return NextResponse.json(link, { status: 201 });
});
