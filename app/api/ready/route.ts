import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/health/readiness';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Readiness: database reachable and all migrations applied; 503 with the reason otherwise. */
export const GET = route(async () => {
  const readiness = await checkReadiness();
  const headers = { 'cache-control': 'no-store' };
  if (readiness.ready) return NextResponse.json({ status: 'ready' }, { headers });
  return NextResponse.json({ status: 'unavailable', reason: readiness.reason }, { status: 503, headers: { ...headers, 'retry-after': '5' } });
});
