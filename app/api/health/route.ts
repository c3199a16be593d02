import { NextResponse } from 'next/server';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Liveness: the process is up and serving. Never touches the database. */
export const GET = route(async () => NextResponse.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } }));
