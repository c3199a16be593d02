/**
 * Requests to next-auth's own endpoints that next-auth itself would answer with a 500 although the
 * client is at fault, refused before next-auth runs:
 * - its callback route takes the credentials provider only by POST (the sign-in form's submit)
 *   and answers any other method with "500 Callback for provider type credentials not supported":
 *   a 405 naming the method that works;
 * - it parses a POST declared as JSON without catching the parse error: a body that is not JSON
 *   is a 400.
 */
export async function unsupportedAuthRequest(request: Request, segments: readonly string[]): Promise<Response | null> {
  const [action, providerId] = segments;
  if (action === 'callback' && providerId === 'credentials' && request.method !== 'POST') {
    return Response.json({ error: 'method_not_allowed', message: 'Password sign-in takes a POST from the sign-in form.' }, { status: 405, headers: { allow: 'POST' } });
  }
  if (request.method === 'POST' && request.headers.get('content-type')?.includes('application/json')) {
    try {
      await request.clone().json();
    } catch {
      return Response.json({ error: 'bad_request', message: 'The body is declared as JSON but is not valid JSON.' }, { status: 400 });
    }
  }
  return null;
}
