import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { isOversizedBody, MAX_REQUEST_BODY_MB } from '@/lib/http/body-limit';
import { isUnreadableFormPost } from '@/lib/http/form-body';
import { isDecodablePath } from '@/lib/http/path';
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from '@/lib/security/headers';

/**
 * Defence in depth only: every page, action and route handler authorizes in the domain layer.
 * Here: refuse state-changing requests that a browser marks as cross-site (or whose Origin is
 * another host), so no other site can post forms with a user's cookies. Token-authenticated
 * API calls (/api/v1) carry no cookies and are exempt. Every response gets the security
 * headers, pages a Content-Security-Policy with a per-request script nonce.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function proxy(request: NextRequest) {
  const refused = refuseUndecodable(request) ?? refuseOversized(request) ?? refuseCrossSite(request) ?? (await refuseUnreadableForm(request));
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env().NODE_ENV === 'development' });
  let response: NextResponse;
  if (refused) {
    response = refused;
  } else {
    // Next.js takes the nonce for its own scripts from the request's CSP header.
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('content-security-policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

/** A broken %-escape (or an escaped control character) in the path: Next or next-auth would answer a bare 500. */
function refuseUndecodable(request: NextRequest): NextResponse | null {
  if (isDecodablePath(request.nextUrl.pathname)) return null;
  return NextResponse.json({ error: 'bad_request', message: 'The address cannot be read: a broken %-escape, or a character it may not hold.' }, { status: 400 });
}

/** Next would cut a larger body at the limit and hand the truncated rest on (a server action then fails with a 500). */
function refuseOversized(request: NextRequest): NextResponse | null {
  if (!isOversizedBody(request.headers.get('content-length'))) return null;
  return NextResponse.json({ error: 'payload_too_large', message: `Request bodies are limited to ${MAX_REQUEST_BODY_MB} MB.` }, { status: 413 });
}

/** A multipart body that does not parse: Next's server-action decoder would answer a bare 500. */
async function refuseUnreadableForm(request: NextRequest): Promise<NextResponse | null> {
  if (!(await isUnreadableFormPost(request, request.nextUrl.pathname))) return null;
  return NextResponse.json({ error: 'bad_request', message: 'The form data cannot be read: the multipart body is malformed.' }, { status: 400 });
}

function refuseCrossSite(request: NextRequest): NextResponse | null {
  if (!UNSAFE.has(request.method) || request.nextUrl.pathname.startsWith('/api/v1/')) return null;
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
  return null;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.svg).*)'],
};
