import { NextResponse, type NextRequest } from 'next/server';

/**
 * Defence in depth only: every page, action and route handler authorizes in the domain layer.
 * Here: refuse state-changing requests that a browser marks as cross-site (or whose Origin is
 * another host), so no other site can post forms with a user's cookies. Token-authenticated
 * API calls (/api/v1) carry no cookies and are exempt.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function proxy(request: NextRequest) {
  if (!UNSAFE.has(request.method) || request.nextUrl.pathname.startsWith('/api/v1/')) return NextResponse.next();
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let foreignOrigin = false;
  if (origin && origin !== 'null' && host) {
    try {
      foreignOrigin = new URL(origin).host !== host;
    } catch {
      foreignOrigin = true;
    }
  }
  if (site === 'cross-site' || foreignOrigin || origin === 'null') {
    return NextResponse.json({ error: 'forbidden', message: 'Cross-site requests are not accepted.' }, { status: 403 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.svg).*)'],
};
