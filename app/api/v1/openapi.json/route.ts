import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi/document';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 document of this API, public (it describes the API and
 * holds no data or secrets). It changes only with a new release, so caches may keep it 5 minutes.
 */
export const GET = route(async () => NextResponse.json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } }));
