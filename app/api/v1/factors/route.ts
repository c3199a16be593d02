import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/handler';
import { listCatalog } from '@/lib/factors/queries';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/factors[?q=&category=&includeArchived=true] -> {factors: [...]} with, per factor,
 * the number of incidents it contributed to and its open action items (counting only incidents
 * the token may see). `q` is a fuzzy name match, best first. Any token of the team.
 */
export const GET = apiRoute('viewer', async (request, _context, actor) => {
  const params = new URL(request.url).searchParams;
  const factors = await listCatalog(actor, {
    q: params.get('q') ?? undefined,
    category: params.get('category') ?? undefined,
    includeArchived: params.get('includeArchived') ?? undefined,
  });
  return NextResponse.json({ factors });
});
